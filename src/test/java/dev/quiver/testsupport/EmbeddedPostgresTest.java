package dev.quiver.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Starts a real PostgreSQL 17 from the zonky binaries, uses two databases, and stops it. */
class EmbeddedPostgresTest {

    @Test
    void startsPostgres17CreatesADatabaseAndStops() throws SQLException {
        long t0 = System.nanoTime();
        EmbeddedPostgres pg = EmbeddedPostgres.start();
        System.out.printf("embedded PostgreSQL up on port %d in %d ms%n", pg.port(), (System.nanoTime() - t0) / 1_000_000);
        try (pg) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.username(), pg.password())) {
                String version = scalar(c, "select version()");
                assertTrue(version.startsWith("PostgreSQL 17."), version);
                assertEquals("off", scalar(c, "show fsync"));
            }

            String url = pg.createDatabase("second_db");
            assertEquals(pg.jdbcUrl("second_db"), url);
            try (Connection c = DriverManager.getConnection(url, pg.username(), pg.password());
                 Statement s = c.createStatement()) {
                assertEquals("second_db", scalar(c, "select current_database()"));
                s.execute("create table t (id bigint primary key, v text)");
                s.execute("insert into t values (1, 'a'), (2, 'b')");
                assertEquals("2", scalar(c, "select count(*) from t"));
            }
            assertThrows(IllegalArgumentException.class, () -> pg.createDatabase("x; drop"));
        }
        // closed: the server no longer accepts connections
        assertThrows(SQLException.class, () -> DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.username(), pg.password()).close());
    }

    @Test
    void sharedServerIsStartedOnceAndServesADatabasePerTestClass() throws SQLException {
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        assertTrue(pg == EmbeddedPostgres.shared());
        try (Connection c = DriverManager.getConnection(pg.createDatabase("shared_test"), pg.username(), pg.password())) {
            assertEquals("shared_test", scalar(c, "select current_database()"));
        }
    }

    private static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
