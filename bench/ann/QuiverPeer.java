import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quiver over HTTP on the files bench/ann/gen writes, in three steps (so the caller can weigh the
 * heap between them): {@code load} creates a collection with the given index, inserts the base
 * rows (batches of 1,000, 4 clients) and waits for the graphs; {@code search} measures, for each
 * ef, recall@10 (one pass, in order) and queries/s with p50/p99 under wrk at 1, 2 and 4
 * connections (filtered searches at 2), with {@code filter} also at 10% and 1% selectivity;
 * {@code deletes} deletes every odd id (half by filter, half by id lists), waits for compaction's
 * graphs, and searches again against the ground truth of the even ids. Prints one JSON object
 * per measurement, as the other peers do.
 *
 * <p>Usage: java QuiverPeer.java load|search|deletes URL TOKEN DATADIR INDEXTYPE M EFC EF_LIST SECONDS [filter]
 */
public class QuiverPeer {

    static final int BATCH = 1000;
    static final int INSERT_CLIENTS = 4;
    static final String COLLECTION = "ann";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String url;
    static String token;

    public static void main(String[] args) throws Exception {
        String step = args[0];
        url = args[1];
        token = args[2];
        Path dir = Path.of(args[3]);
        String indexType = args[4];
        int m = Integer.parseInt(args[5]);
        int efc = Integer.parseInt(args[6]);
        int[] efs = Arrays.stream(args[7].split(",")).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.parseInt(args[8]);
        Set<String> options = new HashSet<>(Arrays.asList(args).subList(9, args.length));
        String meta = Files.readString(dir.resolve("meta.json"));
        int n = intField(meta, "n");
        int d = intField(meta, "d");
        int q = intField(meta, "q");
        String dataset = stringField(meta, "name");
        float[] base = floats(dir.resolve("base.f32"));
        float[] queries = floats(dir.resolve("queries.f32"));
        int[] tags = ints(dir.resolve("tag.i32"));
        int[] truth = ints(dir.resolve("truth.i32"));
        String common = String.format(Locale.ROOT, "\"system\":\"quiver\",\"dataset\":\"%s\",\"indexType\":\"%s\",\"M\":%d,"
                + "\"efConstruction\":%d", dataset, indexType, m, efc);

        if (step.equals("load")) {
            load(common, base, tags, n, d, indexType, m, efc);
        } else if (step.equals("search")) {
            search(common, dir, queries, q, d, truth, efs, seconds, options.contains("filter"));
        } else {
            // A reader searches throughout, so any pause the deletes or compaction cause shows in its slowest answer.
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicLong slowestNanos = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong searches = new java.util.concurrent.atomic.AtomicLong();
            Thread reader = new Thread(() -> {
                int i = 0;
                while (!stop.get()) {
                    StringBuilder body = new StringBuilder("{\"collectionName\":\"" + COLLECTION + "\",\"limit\":10,\"vector\":[");
                    for (int j = 0; j < d; j++) {
                        body.append(j == 0 ? "" : ",").append(queries[(i % q) * d + j]);
                    }
                    long t = System.nanoTime();
                    try {
                        require(post("/v1/vector/search", body.append("]}").toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    slowestNanos.accumulateAndGet(System.nanoTime() - t, Math::max);
                    searches.incrementAndGet();
                    i++;
                }
            });
            reader.start();
            long started = System.nanoTime();
            deleteHalf(n);
            double deleteSeconds = (System.nanoTime() - started) / 1e9;
            long settled = System.nanoTime();
            // Compaction (every 10 s) rewrites the segments that are half deleted; wait for it and their new graphs.
            Thread.sleep(12_000);
            while (pendingIndexRows() > 0) {
                Thread.sleep(100);
            }
            stop.set(true);
            reader.join();
            System.out.printf(Locale.ROOT, "{%s,\"measure\":\"delete half\",\"delete_s\":%.2f,\"graphs_rebuilt_s\":%.2f,"
                    + "\"reader_searches\":%d,\"reader_slowest_ms\":%.1f}%n", common, deleteSeconds,
                    (System.nanoTime() - settled) / 1e9, searches.get(), slowestNanos.get() / 1e6);
            int[] survivors = evenTruth(base, queries, n, d, q);
            for (int ef : efs) {
                measure(common + ",\"after\":\"half deleted\"", queries, q, d, survivors, ef, "none", seconds,
                        new int[] {2});
            }
        }
    }

    static void load(String common, float[] base, int[] tags, int n, int d, String indexType, int m, int efc)
            throws Exception {
        post("/v1/vector/collections/drop", "{\"collectionName\":\"" + COLLECTION + "\"}");
        String created = post("/v1/vector/collections/create", "{\"collectionName\":\"" + COLLECTION + "\",\"dimension\":" + d
                + ",\"autoId\":false,\"fields\":[{\"name\":\"tag\",\"type\":\"Int32\"}],\"indexType\":\"" + indexType
                + "\"" + (indexType.equals("FLAT") ? "" : ",\"indexParams\":{\"M\":" + m + ",\"efConstruction\":" + efc + "}")
                + "}");
        require(created);
        double insertSeconds = insert(base, tags, n, d);
        long inserted = System.nanoTime();
        while (pendingIndexRows() > 0) {
            Thread.sleep(100);
        }
        double buildSeconds = insertSeconds + (System.nanoTime() - inserted) / 1e9;
        System.out.printf(Locale.ROOT, "{%s,\"measure\":\"insert\",\"rows\":%d,\"insert_rows_per_s\":%.0f,\"insert_s\":%.2f,"
                + "\"index_ready_s\":%.2f}%n", common, n, n / insertSeconds, insertSeconds, buildSeconds);
    }

    static void search(String common, Path dir, float[] queries, int q, int d, int[] truth, int[] efs, int seconds,
            boolean filtered) throws Exception {
        // Half a minute of searches first, so the JIT has compiled the search path before any figure is taken.
        measure(null, queries, q, d, truth, efs[0], "none", 30, new int[] {4});
        List<String> filters = new ArrayList<>(List.of("none"));
        if (filtered) {
            filters.addAll(List.of("tag < 10", "tag == 0"));
        }
        for (String filter : filters) {
            int[] expected = filter.equals("none") ? truth
                    : ints(dir.resolve(filter.equals("tag < 10") ? "truth_f10.i32" : "truth_f1.i32"));
            for (int ef : efs) {
                measure(common, queries, q, d, expected, ef, filter, seconds, filter.equals("none") ? new int[] {1, 2, 4}
                        : new int[] {2});
            }
        }
    }

    static void measure(String common, float[] queries, int q, int d, int[] truth, int ef, String filter, int seconds,
            int[] connections) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < q; i++) {
            StringBuilder body = new StringBuilder("{\"collectionName\":\"" + COLLECTION + "\",\"limit\":10,\"params\":{\"ef\":"
                    + ef + "}");
            if (!filter.equals("none")) {
                body.append(",\"filter\":\"").append(filter).append('"');
            }
            body.append(",\"vector\":[");
            for (int j = 0; j < d; j++) {
                body.append(j == 0 ? "" : ",").append(queries[i * d + j]);
            }
            bodies.add(body.append("]}").toString());
        }
        double recall = 0;
        long returned = 0;
        Pattern id = Pattern.compile("\"id\":(\\d+)");
        for (int i = 0; i < q; i++) {
            String answer = post("/v1/vector/search", bodies.get(i));
            require(answer);
            Set<Integer> want = new HashSet<>();
            for (int j = 0; j < 10 && truth[i * 100 + j] >= 0; j++) {
                want.add(truth[i * 100 + j]);
            }
            Matcher ids = id.matcher(answer);
            int found = 0;
            int hits = 0;
            while (ids.find()) {
                hits++;
                if (want.contains(Integer.parseInt(ids.group(1)))) {
                    found++;
                }
            }
            returned += hits;
            recall += want.isEmpty() ? 1 : found / (double) want.size();
        }
        recall /= q;
        Path bodyFile = Files.createTempFile("quiver-bodies", ".txt");
        Files.write(bodyFile, bodies);
        for (int c : connections) {
            Wrk wrk = wrk(bodyFile, c, seconds);
            if (common == null) {
                continue;
            }
            System.out.printf(Locale.ROOT, "{%s,\"ef\":%d,\"threads\":%d,\"filter\":\"%s\",\"recall\":%.4f,\"returned\":%.2f,"
                    + "\"qps\":%.0f,\"p50_us\":%.0f,\"p99_us\":%.0f,\"errors\":%d}%n", common, ef, c, filter, recall,
                    returned / (double) q, wrk.qps, wrk.p50, wrk.p99, wrk.errors);
        }
        Files.delete(bodyFile);
    }

    record Wrk(double qps, double p50, double p99, long errors) {
    }

    /** Runs wrk with bench/ann/search.lua, which cycles through the bodies and counts answers that are not code 200. */
    static Wrk wrk(Path bodies, int connections, int seconds) throws Exception {
        Path script = Path.of(System.getProperty("user.dir"), "bench", "ann", "search.lua");
        ProcessBuilder builder = new ProcessBuilder("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", script.toString(), url + "/v1/vector/search").redirectErrorStream(true);
        builder.environment().put("BODIES", bodies.toString());
        builder.environment().put("TOKEN", token);
        Process process = builder.start();
        String out;
        try (var in = process.getInputStream()) {
            out = new String(in.readAllBytes());
        }
        process.waitFor();
        Matcher rate = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(out);
        Matcher p50 = Pattern.compile("\\s50%\\s+([\\d.]+)(us|ms|s)").matcher(out);
        Matcher p99 = Pattern.compile("\\s99%\\s+([\\d.]+)(us|ms|s)").matcher(out);
        Matcher errors = Pattern.compile("bad answers: (\\d+)").matcher(out);
        if (!rate.find() || !p50.find() || !p99.find() || !errors.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + out);
        }
        return new Wrk(Double.parseDouble(rate.group(1)), micros(p50), micros(p99), Long.parseLong(errors.group(1)));
    }

    static double micros(Matcher m) {
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value;
            case "ms" -> value * 1000;
            default -> value * 1e6;
        };
    }

    /** Sends the rows in batches from 4 clients; the bodies are written before the clock starts. */
    static double insert(float[] base, int[] tags, int n, int d) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b * BATCH < n; b++) {
            StringBuilder body = new StringBuilder("{\"collectionName\":\"" + COLLECTION + "\",\"data\":[");
            for (int row = b * BATCH; row < Math.min(n, (b + 1) * BATCH); row++) {
                body.append(row == b * BATCH ? "" : ",").append("{\"id\":").append(row).append(",\"tag\":")
                        .append(tags[row]).append(",\"vector\":[");
                for (int j = 0; j < d; j++) {
                    body.append(j == 0 ? "" : ",").append(base[row * d + j]);
                }
                body.append("]}");
            }
            bodies.add(body.append("]}").toString());
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(INSERT_CLIENTS);
        List<Future<?>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < INSERT_CLIENTS; w++) {
            workers.add(pool.submit(() -> {
                for (int b = next.getAndIncrement(); b < bodies.size(); b = next.getAndIncrement()) {
                    require(post("/v1/vector/insert", bodies.get(b)));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return (System.nanoTime() - started) / 1e9;
    }

    /** Deletes every odd id: half by filter (odd ids below n/2), half by id lists. */
    static void deleteHalf(int n) throws Exception {
        require(post("/v1/vector/delete", "{\"collectionName\":\"" + COLLECTION + "\",\"filter\":\"id < " + n / 2
                + " and id % 2 == 1\"}"));
        for (int from = n / 2; from < n; from += 2 * BATCH) {
            StringBuilder ids = new StringBuilder();
            for (int id = from | 1; id < Math.min(n, from + 2 * BATCH); id += 2) {
                ids.append(ids.length() == 0 ? "" : ",").append(id);
            }
            require(post("/v1/vector/delete", "{\"collectionName\":\"" + COLLECTION + "\",\"id\":[" + ids + "]}"));
        }
    }

    /** The exact top 10 among the even ids, by brute force (double precision, ties by id). */
    static int[] evenTruth(float[] base, float[] queries, int n, int d, int q) {
        int[] truth = new int[q * 100];
        Arrays.fill(truth, -1);
        java.util.stream.IntStream.range(0, q).parallel().forEach(i -> {
            double[] best = new double[10];
            int[] bestId = new int[10];
            Arrays.fill(best, Double.MAX_VALUE);
            for (int row = 0; row < n; row += 2) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    double diff = (double) queries[i * d + j] - base[row * d + j];
                    sum += diff * diff;
                }
                if (sum < best[9]) {
                    int k = 9;
                    while (k > 0 && best[k - 1] > sum) {
                        best[k] = best[k - 1];
                        bestId[k] = bestId[k - 1];
                        k--;
                    }
                    best[k] = sum;
                    bestId[k] = row;
                }
            }
            System.arraycopy(bestId, 0, truth, i * 100, 10);
        });
        return truth;
    }

    static long pendingIndexRows() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/vector/collections/describe?collectionName="
                + COLLECTION)).header("Authorization", "Bearer " + token).GET().build();
        String answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher pending = Pattern.compile("\"pendingIndexRows\":(\\d+)").matcher(answer);
        return pending.find() ? Long.parseLong(pending.group(1)) : 0;
    }

    static String post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    static void require(String answer) {
        if (!answer.startsWith("{\"code\":200")) {
            throw new IllegalStateException(answer.substring(0, Math.min(300, answer.length())));
        }
    }

    static float[] floats(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    static int[] ints(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        int[] values = new int[bytes.remaining() / 4];
        bytes.asIntBuffer().get(values);
        return values;
    }

    static int intField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(name + " missing from " + json);
        }
        return Integer.parseInt(m.group(1));
    }

    static String stringField(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "data";
    }
}
