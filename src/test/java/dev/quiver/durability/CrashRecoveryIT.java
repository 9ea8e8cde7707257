package dev.quiver.durability;

import static dev.quiver.auth.EnvelopeAssert.assertOk;
import static dev.quiver.durability.JarProcess.ROOT;

import dev.quiver.auth.HttpApi;
import dev.quiver.auth.HttpApi.Reply;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Kill -9 at random moments under concurrent writes loses nothing acknowledged and applies
 * nothing by halves, and a graceful restart (SIGTERM) under load loses nothing and drops no
 * request silently. The packaged jar runs as a separate process; four client threads, each the
 * only writer of its own key range, insert, upsert, delete by id and delete by filter
 * ({@code owner == t and ...}) while a seeded model records what each was told. At a random
 * moment 0.3 to 2 s into the load the process gets SIGKILL or SIGTERM, is restarted on the same
 * store and read back whole: every key must be exactly as the model says (vectors compared bit
 * for bit). Each writer stops at its first request that was not acknowledged: one refused at the
 * connection (nothing sent) or, after a SIGTERM, answered with an error envelope (HTTP 503) must
 * be wholly absent; one whose connection broke with the request sent is in doubt and must show
 * all of its rows in their new state or all in their old one. Every answer must be the envelope,
 * and every request must end within {@link #REQUEST_TIMEOUT}: a request that hangs, a status or
 * body other than HTTP 200 code 200 (or, after a SIGTERM, a 503 error envelope) fails the test,
 * and so does a SIGTERM after which the process does not exit by itself within
 * {@link #EXIT_TIMEOUT}. The model then takes the outcome found and the next round writes on top
 * of the same data, on the restarted process: on H2 7 rounds (5 kills, 2 SIGTERMs), on PostgreSQL
 * 3 (2 kills, 1 SIGTERM); {@code -Dcrash.rounds.h2=KTKKKTK} and {@code -Dcrash.rounds.postgresql=KKT}
 * set others.
 *
 * <p>Reproduce a run with {@code -Dcrash.seed=<seed>} (printed at the start of each round).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class CrashRecoveryIT {

    private static final String COLLECTION = "crash";
    private static final int THREADS = 4;
    private static final int KEYS_PER_OWNER = 600; // 2400 rows at most: one query (capped at 16384) reads all
    private static final long KEY_BASE = 1_000_000L;
    private static final int DIMENSION = 4;
    private static final int GENERATIONS = 8;
    private static final int MAX_REQUESTS_PER_ROUND = 20_000; // per thread; the kill normally comes long before
    private static final long SEED = Long.getLong("crash.seed", 0x5EEDC0DEL);
    /** No request may go unanswered longer: a request that hangs counts as dropped silently. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A SIGTERM'd Quiver must be gone by itself within this (Spring waits for requests in flight). */
    static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);
    private static final int SIGTERM_EXIT_CODE = 143; // 128 + 15: the JVM's exit after a SIGTERM

    @TempDir
    Path temp;

    /** How a round ends. */
    enum Ending { KILL, TERM }

    @Test
    void h2SurvivesKillNineAndGracefulRestartsUnderConcurrentWrites() {
        crashRounds(StoreUnderTest.H2, endings("crash.rounds.h2", "KTKKKTK"));
    }

    @Test
    void postgresqlSurvivesKillNineAndGracefulRestartsUnderConcurrentWrites() {
        crashRounds(StoreUnderTest.POSTGRESQL, endings("crash.rounds.postgresql", "KKT"));
    }

    /** The rounds, one letter each (K: SIGKILL, T: SIGTERM), from {@code property} or the default. */
    private static Ending[] endings(String property, String standard) {
        return System.getProperty(property, standard).chars().mapToObj(letter -> switch (Character.toUpperCase(letter)) {
            case 'K' -> Ending.KILL;
            case 'T' -> Ending.TERM;
            default -> throw new IllegalArgumentException(property + ": K or T per round, not " + (char) letter);
        }).toArray(Ending[]::new);
    }

    private void crashRounds(StoreUnderTest store, Ending... endings) {
        int rounds = endings.length;
        List<String> arguments = new ArrayList<>(store.freshArguments(temp.resolve("data")));
        arguments.add("--quiver.segment-rows=64");
        Owner[] owners = new Owner[THREADS];
        for (int t = 0; t < THREADS; t++) {
            owners[t] = new Owner(t);
        }
        JarProcess previous = null;
        JarProcess current = null;
        try {
            for (int round = 1; round <= rounds + 1; round++) {
                long starting = System.nanoTime();
                current = JarProcess.start(arguments, temp.resolve("logs").resolve(store + "-" + round + ".log"));
                long readyMillis = (System.nanoTime() - starting) / 1_000_000;
                HttpApi api = current.api();
                if (round == 1) {
                    assertOk(api.post("/v1/vector/collections/create", ROOT, "{\"collectionName\":\"" + COLLECTION
                            + "\",\"dimension\":" + DIMENSION + ",\"autoId\":false,"
                            + "\"fields\":[{\"name\":\"owner\",\"type\":\"Int32\"}]}"));
                    System.out.printf("[%s] started pid %d, ready in %d ms%n", store, current.pid(), readyMillis);
                } else {
                    String resolved = verifyAndResolve(api, owners);
                    System.out.printf("[%s] restart %d: pid %d ready in %d ms; %s%n", store, round - 1, current.pid(),
                            readyMillis, resolved);
                }
                if (round > rounds) {
                    int exit = current.stop();
                    long graceful = Arrays.stream(endings).filter(Ending.TERM::equals).count();
                    System.out.printf("[%s] done: %d rounds (%d SIGKILL, %d SIGTERM), %d live rows, graceful stop "
                            + "without load exit %d%n", store, rounds, rounds - graceful, graceful,
                            Arrays.stream(owners).mapToInt(o -> o.live.size()).sum(), exit);
                    break;
                }
                load(store, current, owners, round, endings[round - 1]);
                current.close();
                previous = current;
            }
        } catch (RuntimeException | AssertionError e) {
            if (previous != null && previous != current) {
                System.err.println(previous.tail(80));
            }
            if (current != null) {
                System.err.println(current.tail(80));
            }
            throw e;
        } finally {
            if (current != null) {
                current.close();
            }
        }
    }

    /**
     * Runs the writers against {@code quiver} and, at a random moment, kills it (SIGKILL) or stops
     * it (SIGTERM: it must then exit by itself, and every writer must have been answered or
     * refused).
     */
    private static void load(StoreUnderTest store, JarProcess quiver, Owner[] owners, int round, Ending ending) {
        long seed = SEED ^ (round * 0x9E3779B97F4A7C15L) ^ ((long) store.ordinal() << 56);
        SplittableRandom random = new SplittableRandom(seed);
        long signalAfter = 300 + random.nextInt(1701);
        boolean graceful = ending == Ending.TERM;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong signalled = new AtomicLong(Long.MAX_VALUE);
        List<Thread> threads = new ArrayList<>();
        for (Owner owner : owners) {
            SplittableRandom ownRandom = random.split();
            JarProcess.Client client = quiver.client(REQUEST_TIMEOUT);
            Thread thread = new Thread(() -> owner.write(client, ownRandom, round, graceful, stop, signalled),
                    "writer-" + owner.index);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        JarProcess.sleep(signalAfter);
        List<String> problems = new ArrayList<>();
        String ended;
        Instant signalTime = Instant.now();
        signalled.set(System.nanoTime());
        if (graceful) {
            quiver.terminate();
            boolean exited = quiver.awaitExit(EXIT_TIMEOUT);
            long exitMillis = (System.nanoTime() - signalled.get()) / 1_000_000;
            if (!exited) {
                problems.add("Quiver did not exit within " + EXIT_TIMEOUT + " of the SIGTERM (killed now)");
                System.err.println(quiver.tail(80));
                quiver.kill();
            } else if (quiver.exitValue() != SIGTERM_EXIT_CODE) {
                problems.add("Quiver exited with " + quiver.exitValue() + " after the SIGTERM, expected "
                        + SIGTERM_EXIT_CODE);
            }
            problems.addAll(quiver.logLines("Graceful shutdown aborted"));
            List<String> errors = quiver.logLines(" ERROR ");
            ended = String.format("SIGTERM at %s, %d ms into the load, %s; %d ERROR lines in its log%s", signalTime, signalAfter,
                    exited ? "exited by itself " + exitMillis + " ms later (exit " + quiver.exitValue() + ")"
                            : "did not exit", errors.size(), errors.isEmpty() ? "" : ", the first: " + errors.get(0));
        } else {
            quiver.kill();
            ended = String.format("SIGKILL after %d ms", signalAfter);
        }
        stop.set(true);
        long joinMillis = REQUEST_TIMEOUT.toMillis() + 15_000;
        for (Thread thread : threads) {
            try {
                thread.join(joinMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (thread.isAlive()) {
                problems.add(thread.getName() + " still runs " + joinMillis + " ms after the " + ending + " round ended");
            }
        }
        StringBuilder summary = new StringBuilder();
        int acknowledged = 0;
        int afterSignal = 0;
        int refused = 0;
        int errorAnswers = 0;
        int inDoubt = 0;
        int inFlight = 0;
        AssertionError failed = null;
        for (Owner owner : owners) {
            if (owner.failure != null) {
                problems.add("writer " + owner.index + ": " + owner.failure.getMessage());
                if (failed == null) {
                    failed = new AssertionError(owner.failure.getMessage(), owner.failure);
                }
            }
            acknowledged += owner.acknowledgedTotal();
            afterSignal += owner.acknowledgedAfterSignal;
            inDoubt += owner.inDoubt == null ? 0 : 1;
            inFlight += owner.inDoubt != null && owner.inDoubtSentBeforeSignal ? 1 : 0;
            if (owner.rejected != null) {
                if (owner.rejectedByAnswer) {
                    errorAnswers++;
                } else {
                    refused++;
                }
            }
            summary.append(String.format("%n    writer %d: %s%s; then %s", owner.index, owner.acknowledgedSummary(),
                    graceful ? ", " + owner.acknowledgedAfterSignal + " answered after the SIGTERM" : "", owner.ending()));
        }
        if (!problems.isEmpty()) {
            AssertionError error = new AssertionError(store + " round " + round + " (" + ending + ", seed " + seed + "): "
                    + ended + "\n  " + String.join("\n  ", problems) + summary, failed);
            throw error;
        }
        if (graceful && inDoubt > 0) {
            // Which requests the server saw go: the shutdown as its log tells it, to set against the writers' times.
            List<String> shutdown = quiver.logLines(" --- [");
            int from = 0;
            for (int i = 0; i < shutdown.size(); i++) {
                if (shutdown.get(i).contains("Commencing graceful shutdown")) {
                    from = i;
                    break;
                }
            }
            summary.append("\n    server log from the SIGTERM on:\n      ")
                    .append(String.join("\n      ", shutdown.subList(from, Math.min(shutdown.size(), from + 12))));
        }
        if (graceful) {
            System.out.printf("[%s] round %d (seed %d): %s; %d requests acknowledged (%d answered after the SIGTERM), "
                    + "%d refused, %d answered with an error envelope, %d in doubt (%d of them sent before the SIGTERM)%s%n",
                    store, round, seed, ended, acknowledged, afterSignal, refused, errorAnswers, inDoubt, inFlight, summary);
        } else {
            System.out.printf("[%s] round %d (seed %d): %s; %d requests acknowledged, %d refused, %d in doubt%s%n", store,
                    round, seed, ended, acknowledged, refused, inDoubt, summary);
        }
    }

    /**
     * Reads everything back and checks it against the model; each in-doubt request must be
     * wholly applied or wholly absent, and the model takes the outcome found.
     */
    private static String verifyAndResolve(HttpApi api, Owner[] owners) {
        Map<Long, Row> actual = new HashMap<>();
        for (JsonNode node : assertOk(api.post("/v1/vector/query", ROOT, "{\"collectionName\":\"" + COLLECTION
                + "\",\"filter\":\"id >= 0\",\"outputFields\":[\"*\"],\"limit\":0}"))) {
            Row row = Row.parse(node);
            if (actual.put(row.id(), row) != null) {
                throw new AssertionError("query returned key " + row.id() + " twice");
            }
        }
        List<String> problems = new ArrayList<>();
        int applied = 0;
        int absent = 0;
        int rejected = 0;
        Set<Long> doubtful = new LinkedHashSet<>();
        for (Owner owner : owners) {
            Request refused = owner.rejected;
            if (refused != null) {
                if (!matches(refused.before(), actual)) {
                    Map<Long, Row> found = new TreeMap<>();
                    refused.after().keySet().forEach(key -> found.put(key, actual.get(key)));
                    problems.add("REJECTED REQUEST APPLIED (" + owner.rejectedCause + "): " + refused.describe()
                            + "\n      before: " + refused.before() + "\n      found:  " + found);
                }
                doubtful.addAll(refused.after().keySet());
                rejected++;
                owner.rejected = null;
                owner.rejectedCause = null;
            }
            Request request = owner.inDoubt;
            if (request != null) {
                doubtful.addAll(request.after().keySet());
                boolean asBefore = matches(request.before(), actual);
                boolean asAfter = matches(request.after(), actual);
                if (!asBefore && !asAfter) {
                    Map<Long, Row> found = new TreeMap<>();
                    request.after().keySet().forEach(key -> found.put(key, actual.get(key)));
                    problems.add("PARTIALLY APPLIED: " + request.describe() + "\n      before: " + request.before()
                            + "\n      after:  " + request.after() + "\n      found:  " + found);
                } else if (asAfter && !asBefore) {
                    owner.live.putAll(request.after());
                    owner.live.values().removeIf(Objects::isNull);
                    applied++;
                } else {
                    absent++; // wholly absent (or a request that changed nothing)
                }
                owner.inDoubt = null;
                owner.inDoubtCause = null;
            }
            for (long key = owner.firstKey; key < owner.firstKey + KEYS_PER_OWNER; key++) {
                Row expected = owner.live.get(key);
                Row found = actual.get(key);
                if (!Objects.equals(expected, found)) {
                    problems.add((expected == null ? "ACKNOWLEDGED DELETE (or never written) VISIBLE: "
                            : found == null ? "ACKNOWLEDGED WRITE LOST: " : "ACKNOWLEDGED WRITE DIFFERS: ")
                            + "key " + key + " expected " + expected + ", found " + found);
                }
            }
        }
        actual.keySet().stream().filter(key -> owner(key) < 0)
                .forEach(key -> problems.add("UNKNOWN KEY: " + actual.get(key)));
        // The point-lookup path (primary-key index) must agree with the scan for the in-doubt and rejected keys.
        if (!doubtful.isEmpty()) {
            Map<Long, Row> got = new HashMap<>();
            assertOk(api.post("/v1/vector/get", ROOT, "{\"collectionName\":\"" + COLLECTION + "\",\"id\":"
                    + doubtful + ",\"outputFields\":[\"*\"]}")).forEach(node -> {
                        Row row = Row.parse(node);
                        got.put(row.id(), row);
                    });
            for (long key : doubtful) {
                if (!Objects.equals(got.get(key), actual.get(key))) {
                    problems.add("GET DISAGREES WITH QUERY: key " + key + " get " + got.get(key) + ", query "
                            + actual.get(key));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " problem(s) after the restart:\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(40, problems.size()))));
        }
        return String.format("verified %d live rows; in-doubt requests: %d wholly applied, %d wholly absent; "
                + "rejected requests: %d, all absent", actual.size(), applied, absent, rejected);
    }

    private static boolean matches(Map<Long, Row> state, Map<Long, Row> actual) {
        return state.entrySet().stream().allMatch(entry -> Objects.equals(entry.getValue(), actual.get(entry.getKey())));
    }

    /** The owner (writer index) of a key, or -1 if no writer owns it. */
    private static int owner(long key) {
        long offset = key - KEY_BASE;
        int owner = (int) Math.floorDiv(offset, KEY_BASE);
        return owner >= 0 && owner < THREADS && Math.floorMod(offset, KEY_BASE) < KEYS_PER_OWNER ? owner : -1;
    }


    /** One row as the model expects it and the API returns it; vectors compare bit for bit. */
    record Row(long id, float[] vector, int owner, int gen, String note) {

        private static final Set<String> FIELDS = Set.of("id", "vector", "owner", "gen", "note");

        static Row parse(JsonNode node) {
            Set<String> names = new HashSet<>(node.propertyNames());
            if (!names.equals(FIELDS)) {
                throw new AssertionError("row with fields " + names + ", expected " + FIELDS + ": " + node);
            }
            JsonNode vector = node.get("vector");
            float[] values = new float[vector.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) vector.get(i).doubleValue();
            }
            return new Row(node.get("id").longValue(), values, node.get("owner").intValue(),
                    node.get("gen").intValue(), node.get("note").stringValue());
        }

        String json() {
            StringBuilder json = new StringBuilder("{\"id\":").append(id).append(",\"vector\":[");
            for (int i = 0; i < vector.length; i++) {
                json.append(i == 0 ? "" : ",").append(vector[i]);
            }
            return json.append("],\"owner\":").append(owner).append(",\"gen\":").append(gen)
                    .append(",\"note\":\"").append(note).append("\"}").toString();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Row row && id == row.id && owner == row.owner && gen == row.gen
                    && note.equals(row.note) && Arrays.equals(vector, row.vector); // floatToIntBits equality
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, owner, gen, note, Arrays.hashCode(vector));
        }

        @Override
        public String toString() {
            return json();
        }
    }

    enum Kind { INSERT, UPSERT, DELETE_BY_ID, DELETE_BY_FILTER }

    /**
     * One write request: what it sends, what the affected keys were before it and will be after
     * it (null: absent), and the ids its answer must list.
     */
    record Request(Kind kind, String path, String body, Map<Long, Row> before, Map<Long, Row> after,
            List<Long> expectedIds, String what) {

        String describe() {
            return kind + " " + what + " (" + after.size() + " keys)";
        }
    }

    /** One writer and what it was told about its keys; the state carries over from round to round. */
    static final class Owner {

        final int index;
        final long firstKey;
        final Map<Long, Row> live = new HashMap<>();
        final int[] acknowledged = new int[Kind.values().length];
        volatile Request inDoubt;
        volatile String inDoubtCause;
        volatile boolean inDoubtSentBeforeSignal;
        /** The request refused at the connection, or answered with an error envelope: never applied. */
        volatile Request rejected;
        volatile String rejectedCause;
        volatile boolean rejectedByAnswer;
        volatile int acknowledgedAfterSignal;
        volatile Throwable failure;
        private int writes;

        Owner(int index) {
            this.index = index;
            this.firstKey = KEY_BASE * (index + 1);
        }

        /**
         * Writes until the first request that is not acknowledged; in a kill round also until
         * {@code stop}, in a graceful round until the server refuses or rejects.
         */
        void write(JarProcess.Client client, SplittableRandom random, int round, boolean graceful, AtomicBoolean stop,
                AtomicLong signalled) {
            Arrays.fill(acknowledged, 0);
            acknowledgedAfterSignal = 0;
            rejectedByAnswer = false;
            failure = null;
            try {
                for (int n = 0; n < MAX_REQUESTS_PER_ROUND && (graceful || !stop.get()); n++) {
                    Request request = next(random, round);
                    long sent = System.nanoTime();
                    Reply reply;
                    try {
                        reply = client.post(request.path(), ROOT, request.body());
                    } catch (HttpTimeoutException hang) {
                        throw new AssertionError("DROPPED SILENTLY: no answer to " + request.describe() + " within "
                                + REQUEST_TIMEOUT + " (" + hang + "), sent " + sinceSignal(sent, signalled), hang);
                    } catch (IOException noAnswer) {
                        if (refused(noAnswer)) {
                            rejected = request;
                            rejectedCause = "connection refused " + sinceSignal(sent, signalled);
                        } else {
                            inDoubt = request;
                            inDoubtCause = noAnswer + ", sent " + sinceSignal(sent, signalled);
                            inDoubtSentBeforeSignal = sent < signalled.get();
                        }
                        return;
                    }
                    if (graceful && errorEnvelope(reply)) {
                        rejected = request;
                        rejectedByAnswer = true;
                        rejectedCause = "answered HTTP " + reply.status() + " " + reply.body() + ", sent "
                                + sinceSignal(sent, signalled);
                        return;
                    }
                    check(request, reply);
                    request.after().forEach((key, row) -> {
                        if (row == null) {
                            live.remove(key);
                        } else {
                            live.put(key, row);
                        }
                    });
                    acknowledged[request.kind().ordinal()]++;
                    if (System.nanoTime() > signalled.get()) {
                        acknowledgedAfterSignal++;
                    }
                }
            } catch (Throwable e) {
                failure = e;
            }
        }

        /** How the writer's round ended, for the summary. */
        String ending() {
            if (failure != null) {
                return "FAILED: " + failure.getMessage();
            }
            if (inDoubt != null) {
                return "in doubt: " + inDoubt.describe() + " (" + inDoubtCause + ")";
            }
            if (rejected != null) {
                return (rejectedByAnswer ? "rejected: " : "refused: ") + rejected.describe() + " (" + rejectedCause + ")";
            }
            return "stopped";
        }

        /** A connection that was never made: the request was not sent. */
        private static boolean refused(IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConnectException) {
                    return true;
                }
            }
            return false;
        }

        /** A JSON body with code 200 and data. */
        private static boolean okEnvelope(Reply reply) {
            try {
                JsonNode json = reply.json();
                return json.path("code").isInt() && json.get("code").intValue() == 200 && json.has("data");
            } catch (RuntimeException notJson) {
                return false;
            }
        }

        /** HTTP 503 with a JSON error envelope: a code other than 200, a message and no data. */
        private static boolean errorEnvelope(Reply reply) {
            if (reply.status() != 503 || !reply.contentType().startsWith("application/json")) {
                return false;
            }
            try {
                JsonNode json = reply.json();
                return json.isObject() && json.path("code").isInt() && json.get("code").intValue() != 200
                        && json.path("message").isString() && !json.has("data");
            } catch (RuntimeException notJson) {
                return false;
            }
        }

        private static String sinceSignal(long nanos, AtomicLong signalled) {
            long signal = signalled.get();
            return signal == Long.MAX_VALUE ? "before the signal"
                    : nanos >= signal ? (nanos - signal) / 1_000_000 + " ms after the signal"
                    : (signal - nanos) / 1_000_000 + " ms before the signal";
        }

        private static void check(Request request, Reply reply) {
            if (reply.status() != 200 || !okEnvelope(reply)) {
                throw new AssertionError("answer HTTP " + reply.status() + " (" + reply.contentType() + ") '"
                        + reply.body() + "' to " + request.describe() + ": " + request.body());
            }
            JsonNode data = reply.json().get("data");
            String prefix = switch (request.kind()) {
                case INSERT -> "insert";
                case UPSERT -> "upsert";
                case DELETE_BY_ID, DELETE_BY_FILTER -> "delete";
            };
            List<Long> ids = new ArrayList<>();
            data.get(prefix + "Ids").forEach(id -> ids.add(id.longValue()));
            boolean ordered = request.kind() == Kind.INSERT || request.kind() == Kind.UPSERT;
            boolean same = ordered ? ids.equals(request.expectedIds())
                    : ids.size() == request.expectedIds().size() && new HashSet<>(ids).equals(new HashSet<>(request.expectedIds()));
            if (!same || data.get(prefix + "Count").intValue() != request.expectedIds().size()) {
                throw new AssertionError("answer " + reply.body() + " to " + request.describe() + " expected ids "
                        + request.expectedIds());
            }
        }

        private Request next(SplittableRandom random, int round) {
            int pick = random.nextInt(100);
            Request request = null;
            if (pick < 35 || live.isEmpty()) {
                request = insert(random, round);
            } else if (pick < 85 && pick >= 65) {
                request = deleteById(random);
            } else if (pick >= 85) {
                request = deleteByFilter(random);
            }
            return request != null ? request : upsert(random, round);
        }

        private int batchSize(SplittableRandom random) {
            return random.nextInt(100) < 15 ? 32 + random.nextInt(97) : 1 + random.nextInt(16);
        }

        private long randomKey(SplittableRandom random) {
            return firstKey + random.nextInt(KEYS_PER_OWNER);
        }

        private Row newRow(long key, SplittableRandom random, int round) {
            float[] vector = new float[DIMENSION];
            for (int i = 0; i < DIMENSION; i++) {
                vector[i] = (random.nextInt(161) - 80) / 8f; // multiples of 1/8: exact in float32 and in decimal
            }
            return new Row(key, vector, index, random.nextInt(GENERATIONS), "r" + round + "-w" + index + "-" + ++writes);
        }

        private Request insert(SplittableRandom random, int round) {
            int size = batchSize(random);
            Set<Long> keys = new LinkedHashSet<>();
            for (int tries = 0; tries < size * 20 && keys.size() < size; tries++) {
                long key = randomKey(random);
                if (!live.containsKey(key)) {
                    keys.add(key);
                }
            }
            return keys.isEmpty() ? null : rows(Kind.INSERT, "/v1/vector/insert", keys, random, round);
        }

        private Request upsert(SplittableRandom random, int round) {
            int size = Math.min(batchSize(random), KEYS_PER_OWNER);
            Set<Long> keys = new LinkedHashSet<>();
            while (keys.size() < size) {
                keys.add(randomKey(random));
            }
            return rows(Kind.UPSERT, "/v1/vector/upsert", keys, random, round);
        }

        private Request rows(Kind kind, String path, Set<Long> keys, SplittableRandom random, int round) {
            Map<Long, Row> before = new LinkedHashMap<>();
            Map<Long, Row> after = new LinkedHashMap<>();
            StringBuilder body = new StringBuilder("{\"collectionName\":\"" + COLLECTION + "\",\"data\":[");
            for (long key : keys) {
                Row row = newRow(key, random, round);
                body.append(after.isEmpty() ? "" : ",").append(row.json());
                before.put(key, live.get(key));
                after.put(key, row);
            }
            return new Request(kind, path, body.append("]}").toString(), before, after, List.copyOf(keys),
                    "keys " + first(keys));
        }

        private Request deleteById(SplittableRandom random) {
            List<Long> present = new ArrayList<>(live.keySet());
            int size = Math.min(1 + random.nextInt(12), present.size());
            Set<Long> keys = new LinkedHashSet<>();
            while (keys.size() < size) {
                keys.add(present.get(random.nextInt(present.size())));
            }
            if (random.nextInt(10) < 3) {
                keys.add(randomKey(random)); // perhaps one that is not there: deleting it changes nothing
            }
            Map<Long, Row> before = new LinkedHashMap<>();
            Map<Long, Row> after = new LinkedHashMap<>();
            List<Long> deleted = new ArrayList<>();
            for (long key : keys) {
                before.put(key, live.get(key));
                after.put(key, null);
                if (live.containsKey(key)) {
                    deleted.add(key);
                }
            }
            return new Request(Kind.DELETE_BY_ID, "/v1/vector/delete", "{\"collectionName\":\"" + COLLECTION
                    + "\",\"id\":" + keys + "}", before, after, deleted, "keys " + first(keys));
        }

        private Request deleteByFilter(SplittableRandom random) {
            String filter;
            Predicate<Row> matches;
            switch (random.nextInt(3)) {
                case 0 -> {
                    int gen = random.nextInt(GENERATIONS);
                    filter = "owner == " + index + " and gen == " + gen;
                    matches = row -> row.gen() == gen;
                }
                case 1 -> {
                    int below = 1 + random.nextInt(2);
                    filter = "owner == " + index + " and gen < " + below;
                    matches = row -> row.gen() < below;
                }
                default -> {
                    long from = randomKey(random);
                    long to = from + 40;
                    filter = "owner == " + index + " and id >= " + from + " and id < " + to;
                    matches = row -> row.id() >= from && row.id() < to;
                }
            }
            Map<Long, Row> before = new TreeMap<>();
            Map<Long, Row> after = new TreeMap<>();
            live.values().stream().filter(matches).forEach(row -> {
                before.put(row.id(), row);
                after.put(row.id(), null);
            });
            return new Request(Kind.DELETE_BY_FILTER, "/v1/vector/delete", "{\"collectionName\":\"" + COLLECTION
                    + "\",\"filter\":\"" + filter + "\"}", before, after, List.copyOf(after.keySet()),
                    "'" + filter + "'");
        }

        int acknowledgedTotal() {
            return Arrays.stream(acknowledged).sum();
        }

        String acknowledgedSummary() {
            return String.format("acknowledged %d inserts, %d upserts, %d deletes by id, %d deletes by filter; %d live",
                    acknowledged[0], acknowledged[1], acknowledged[2], acknowledged[3], live.size());
        }

        private static String first(Set<Long> keys) {
            List<Long> list = new ArrayList<>(keys);
            return list.size() <= 4 ? list.toString() : list.subList(0, 4).toString().replace("]", ", ...]");
        }
    }
}
