package dev.quiver.auth;

import dev.quiver.config.AuthProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Users and API keys from configuration, held only as hashes. Password hashes are deliberately
 * slow (bcrypt, PBKDF2), so a credential that verified once is remembered by its SHA-256 for the
 * life of the process; every comparison is constant-time. The root password is hashed at start
 * with PBKDF2, which, unlike bcrypt, takes passwords longer than 72 bytes.
 */
@Component
class CredentialStore {

    private static final Logger log = LoggerFactory.getLogger(CredentialStore.class);
    private static final int MAX_REMEMBERED = 10_000;
    /** Distinct user hashes timed at start to find the slowest check (each costs one check). */
    private static final int MAX_TIMED_HASHES = 16;

    private static final String PBKDF2_ID = "{pbkdf2@SpringSecurity_v5_8}";

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final PasswordEncoder pbkdf2 = Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final Map<String, StoredUser> users = new HashMap<>();
    private final List<StoredKey> apiKeys;
    private final Map<String, QuiverPrincipal> verified = new ConcurrentHashMap<>();
    private final String unknownUserHash;
    private final long slowestCheckNanos;
    private final Semaphore hashing = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), true);

    CredentialStore(AuthProperties properties) {
        String rootPassword = properties.rootPassword();
        if (properties.enabled() && (rootPassword == null || rootPassword.isEmpty())) {
            rootPassword = generatePassword();
            // Logged once, on purpose: it is the only way to learn a generated password.
            log.warn("No root password configured (quiver.auth.root-password / QUIVER_AUTH_ROOT_PASSWORD). "
                    + "Generated one for this run: root:{}", rootPassword);
        }
        if (rootPassword != null && !rootPassword.isEmpty()) {
            users.put(QuiverPrincipal.ROOT, new StoredUser(hash(rootPassword), QuiverPrincipal.root()));
        }
        for (AuthProperties.User user : properties.users()) {
            users.put(user.name(), new StoredUser(user.passwordHash(),
                    new QuiverPrincipal(user.name(), new HashSet<>(user.databases()), user.readOnly())));
        }
        apiKeys = properties.apiKeys().stream()
                .map(key -> new StoredKey(hexToBytes(key.sha256()),
                        new QuiverPrincipal(key.name(), new HashSet<>(key.databases()), key.readOnly())))
                .toList();
        unknownUserHash = hash("unknown-user");
        slowestCheckNanos = slowestCheck();
    }

    /** The user, when exactly these credentials were verified before; never checks a hash. */
    Optional<QuiverPrincipal> remembered(String name, String password) {
        return Optional.ofNullable(verified.get(fingerprint("user\0" + name + "\0" + password)));
    }

    Optional<QuiverPrincipal> user(String name, String password) {
        String fingerprint = fingerprint("user\0" + name + "\0" + password);
        QuiverPrincipal known = verified.get(fingerprint);
        if (known != null) {
            return Optional.of(known);
        }
        long start = System.nanoTime();
        StoredUser user = users.get(name);
        // Check a dummy hash for unknown users so timing does not reveal which names exist.
        boolean matches = hashCheck(password, user == null ? unknownUserHash : user.passwordHash()) && user != null;
        if (!matches) {
            takeAtLeast(slowestCheckNanos, start);
            return Optional.empty();
        }
        remember(fingerprint, user.principal());
        return Optional.of(user.principal());
    }

    /**
     * A password hash check, at most half the cores at a time: a hash costs tens of milliseconds
     * of CPU by design, and a flood of new credentials must not take every core from searches.
     */
    private boolean hashCheck(String password, String hash) {
        hashing.acquireUninterruptibly();
        try {
            return encoder.matches(password, hash);
        } finally {
            hashing.release();
        }
    }

    /**
     * The slowest password check of the configured hashes and the dummy one, timed once at start:
     * a failed check lasts at least this long, so an unknown name (the dummy hash) and a known
     * one with a costlier hash (bcrypt at a higher cost, say) answer alike.
     */
    private long slowestCheck() {
        long slowest = 0;
        List<String> hashes = new ArrayList<>();
        hashes.add(unknownUserHash);
        users.values().stream().map(StoredUser::passwordHash).distinct().limit(MAX_TIMED_HASHES).forEach(hashes::add);
        for (String hash : hashes) {
            long start = System.nanoTime();
            try {
                encoder.matches("timing-probe", hash);
            } catch (IllegalArgumentException unreadable) {
                continue; // a hash without an {id} prefix: logging in as that user fails loudly instead
            }
            slowest = Math.max(slowest, System.nanoTime() - start);
        }
        return slowest;
    }

    private static void takeAtLeast(long nanos, long since) {
        long left = nanos - (System.nanoTime() - since);
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Optional<QuiverPrincipal> apiKey(String key) {
        byte[] digest = sha256(key);
        QuiverPrincipal match = null;
        for (StoredKey stored : apiKeys) {
            if (MessageDigest.isEqual(digest, stored.sha256())) {
                match = stored.principal();
            }
        }
        return Optional.ofNullable(match);
    }

    private String hash(String password) {
        return PBKDF2_ID + pbkdf2.encode(password);
    }

    private void remember(String fingerprint, QuiverPrincipal principal) {
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(fingerprint, principal);
    }

    private static String fingerprint(String credential) {
        return Base64.getEncoder().encodeToString(sha256(credential));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static byte[] hexToBytes(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex, 2 * i, 2 * i + 2, 16);
        }
        return bytes;
    }

    private static String generatePassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private record StoredUser(String passwordHash, QuiverPrincipal principal) {
    }

    private record StoredKey(byte[] sha256, QuiverPrincipal principal) {
    }
}
