package dev.quiver.durability;

import static dev.quiver.auth.EnvelopeAssert.assertError;
import static dev.quiver.durability.InProcessServer.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.QuiverApplication;
import dev.quiver.auth.HttpApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * While the service rebuilds memory from the store, liveness is UP, readiness is DOWN and the API
 * answers 503 with code 1; once recovery is done, readiness turns UP. A runner ordered before
 * the recovery holds the start at that point long enough to look.
 */
class ReadinessDuringRecoveryTest {

    static final CountDownLatch HOLD = new CountDownLatch(1);
    static final CountDownLatch HELD = new CountDownLatch(1);

    @TempDir
    Path data;

    @Test
    void readinessStaysDownAndTheApiAnswers503UntilRecoveryIsDone() throws Exception {
        List<String> arguments = new ArrayList<>(StoreUnderTest.H2.freshArguments(data));
        arguments.addAll(List.of("--server.port=0", "--management.server.port=0",
                "--quiver.auth.root-password=test-root-password"));
        CompletableFuture<ConfigurableApplicationContext> starting = CompletableFuture.supplyAsync(() ->
                new SpringApplicationBuilder(QuiverApplication.class, Holder.class).run(arguments.toArray(String[]::new)));
        try {
            assertThat(HELD.await(60, TimeUnit.SECONDS)).isTrue();
            ConfigurableApplicationContext context = Holder.context;
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            int management = Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));

            assertThat(status(management, "/actuator/health/liveness")).isEqualTo(200);
            assertThat(status(management, "/actuator/health/readiness")).isEqualTo(503);
            var answer = new HttpApi(port).get("/v1/vector/collections", ROOT);
            assertError(answer, 503, 1);
            assertThat(answer.message()).startsWith("service not ready");
        } finally {
            HOLD.countDown();
        }
        try (ConfigurableApplicationContext context = starting.get(60, TimeUnit.SECONDS)) {
            int management = Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
            assertThat(status(management, "/actuator/health/readiness")).isEqualTo(200);
        }
    }

    private static int status(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Runs before the recovery runner and waits until the test has looked. */
    static class Holder {

        static volatile ConfigurableApplicationContext context;

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        ApplicationRunner holdBeforeRecovery(ConfigurableApplicationContext applicationContext) {
            return args -> {
                context = applicationContext;
                HELD.countDown();
                HOLD.await(60, TimeUnit.SECONDS);
            };
        }
    }
}
