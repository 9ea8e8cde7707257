package dev.quiver.durability;

import dev.quiver.testsupport.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The relational stores the durability tests run against: Quiver's default embedded H2 file
 * database, and a real PostgreSQL server (embedded, started from Maven Central binaries). Each
 * call of {@link #freshArguments} names a new, empty database.
 */
enum StoreUnderTest {
    H2 {
        @Override
        List<String> freshArguments(Path directory) {
            return List.of("--quiver.data-dir=" + directory,
                    "--spring.datasource.url=jdbc:h2:file:" + directory + "/quiver;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        }
    },
    POSTGRESQL {
        @Override
        List<String> freshArguments(Path directory) {
            EmbeddedPostgres server = EmbeddedPostgres.shared();
            String url = server.createDatabase("durability_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid());
            return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + server.username(),
                    "--spring.datasource.password=" + server.password());
        }
    };

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** Command-line arguments that point a Quiver at a new, empty store. */
    abstract List<String> freshArguments(Path directory);
}
