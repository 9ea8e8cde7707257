package dev.quiver.durability;

import dev.quiver.QuiverApplication;
import dev.quiver.auth.HttpApi;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole Quiver on a real port inside the test JVM; closing it is a graceful shutdown. */
final class InProcessServer implements AutoCloseable {

    static final String ROOT = HttpApi.bearer("root:test-root-password");

    private final ConfigurableApplicationContext context;
    final HttpApi api;

    private InProcessServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new HttpApi(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    static InProcessServer start(List<String> storeArguments, String... more) {
        List<String> arguments = new ArrayList<>(storeArguments);
        arguments.addAll(List.of("--server.port=0", "--management.server.port=0"));
        arguments.addAll(List.of(more));
        return new InProcessServer(new SpringApplicationBuilder(QuiverApplication.class)
                .run(arguments.toArray(String[]::new)));
    }

    int managementPort() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
