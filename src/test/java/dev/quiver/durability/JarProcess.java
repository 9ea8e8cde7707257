package dev.quiver.durability;

import dev.quiver.auth.HttpApi;
import dev.quiver.auth.HttpApi.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged Quiver jar running as a separate JVM (for {@link CrashRecoveryIT}): loopback-only
 * on free ports, stdout and stderr into a log file, started and waited for until its readiness
 * probe answers 200. {@link #kill()} is a SIGKILL, {@link #terminate()} a SIGTERM that returns at
 * once (a graceful stop under load: {@link #awaitExit} then tells whether the process went by
 * itself); {@link #close()} makes sure no process outlives the test, also when the test JVM itself
 * exits early (shutdown hook).
 */
final class JarProcess implements AutoCloseable {

    static final String ROOT_PASSWORD = "test-root-password";
    static final String ROOT = HttpApi.bearer("root:" + ROOT_PASSWORD);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final Thread reaper;
    private final Path log;
    private final int port;
    private final int managementPort;

    private JarProcess(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
        this.reaper = new Thread(process::destroyForcibly, "quiver-jar-reaper-" + process.pid());
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** The packaged jar: {@code -Dquiver.jar} (set by failsafe), else {@code target/quiver.jar}. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("quiver.jar", "target/quiver.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run the package phase first (./mvnw package)");
        }
        return jar;
    }

    /**
     * Starts {@code java -jar quiver.jar} with {@code arguments} and waits until it is ready. A
     * start that loses a probed port to another process is retried on new ports.
     */
    static JarProcess start(List<String> arguments, Path log) {
        for (int attempt = 1; ; attempt++) {
            JarProcess started = launch(arguments, log);
            try {
                started.awaitReady();
                return started;
            } catch (RuntimeException | AssertionError e) {
                started.close();
                if (attempt == START_ATTEMPTS || !started.tail(200).contains("already in use")) {
                    throw e;
                }
            }
        }
    }

    private static JarProcess launch(List<String> arguments, Path log) {
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                "--add-modules", "jdk.incubator.vector",
                "-jar", jar().toString(),
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--management.server.address=127.0.0.1", "--management.server.port=" + managementPort,
                "--quiver.auth.root-password=" + ROOT_PASSWORD));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new JarProcess(process, log, port, managementPort);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest readiness = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Quiver exited (" + process.exitValue() + ") before it was ready\n"
                        + tail(60));
            }
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        throw new IllegalStateException("Quiver was not ready within " + READY_TIMEOUT + "\n" + tail(60));
    }

    /** A client for the API port. */
    HttpApi api() {
        return new HttpApi(port);
    }

    /** A client for the API port whose requests give up after {@code timeout} instead of hanging. */
    Client client(Duration timeout) {
        return new Client(port, timeout);
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, without waiting: Spring's graceful shutdown then lets the requests in flight finish. */
    void terminate() {
        process.destroy();
    }

    /** The exit code; only once the process has exited. */
    int exitValue() {
        return process.exitValue();
    }

    /** A graceful stop (SIGTERM); a SIGKILL if it takes longer than 30 s. Returns the exit code. */
    int stop() {
        process.destroy();
        if (!awaitExit(Duration.ofSeconds(30))) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
        }
        return process.exitValue();
    }

    /** Waits up to {@code timeout} for the process to exit; true if it has. */
    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The log lines that contain {@code text}. */
    List<String> logLines(String text) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.contains(text)).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of("(could not read " + log + ": " + e + ")");
        }
    }

    /** The last {@code lines} lines of the log. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- last lines of " + log + " ---\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    /**
     * A POST-only HTTP/1.1 client for the API port with a request timeout. Unlike {@link HttpApi} it
     * hands the {@link IOException} back as is, so that a caller can tell a connection that was
     * refused (nothing sent) from one that broke with the request sent, and both from a request
     * that got no answer in time ({@link java.net.http.HttpTimeoutException}).
     */
    static final class Client {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;
        private final Duration timeout;

        private Client(int port, Duration timeout) {
            this.base = "http://127.0.0.1:" + port;
            this.timeout = timeout;
        }

        Reply post(String path, String authorization, String json) throws IOException {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                    .header("Authorization", authorization).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                        response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sleeps, turning an interrupt into a failure (the tests are never interrupted on purpose). */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
