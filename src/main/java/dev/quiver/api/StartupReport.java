package dev.quiver.api;

import dev.quiver.config.AuthProperties;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One line at start that tells a new user where everything is: the API's port, the port of
 * health and metrics, and how to log in.
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);
    private static final String API = "api";

    private final AuthProperties auth;
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();

    StartupReport(AuthProperties auth) {
        this.auth = auth;
    }

    /** The API's server and, when it has a port of its own, the management server ("management"). */
    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        String namespace = event.getApplicationContext().getServerNamespace();
        ports.put(namespace == null ? API : namespace, event.getWebServer().getPort());
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        Integer api = ports.get(API);
        if (api == null) {
            return; // no server of its own (a mock web environment in tests)
        }
        Integer management = ports.get("management");
        log.info("Quiver is up: the Milvus REST v1 API on port {} (/v1/vector/..., Swagger UI at /swagger-ui.html), "
                + "health and metrics on port {} (/actuator/health, /actuator/prometheus). {}", api,
                management == null ? api : management, login());
    }

    private String login() {
        if (!auth.enabled()) {
            return "Authentication is off (quiver.auth.enabled=false): requests need no token.";
        }
        String root = auth.rootPassword() == null || auth.rootPassword().isEmpty()
                ? "the root password generated above" : "the root password from quiver.auth.root-password";
        return "Log in with the header 'Authorization: Bearer root:<password>', with " + root
                + ", or as a configured user (user:password) or with an API key.";
    }
}
