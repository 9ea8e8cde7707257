import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end load and latency driver for a running Quiver (single-file Java, no dependencies):
 *
 * <pre>
 * java ServiceBench.java load    URL TOKEN COLLECTION ROWS [DIM] [CONCURRENCY] [INDEXTYPE, default AUTOINDEX]
 * java ServiceBench.java latency URL TOKEN COLLECTION QUERIES [DIM] [alone|inserting]
 * java ServiceBench.java churn   URL TOKEN COLLECTION INSERTS [DIM]
 * </pre>
 *
 * churn has 8 clients insert INSERTS rows in batches of 100 and delete 23 of every 24 right
 * after (by id), leaving about INSERTS / 24 live rows: memory must follow the live rows.
 *
 * load creates the collection and inserts ROWS seeded vectors (1,000 Gaussian clusters, sigma 1)
 * in batches of 1,000; latency runs QUERIES k=10 searches one after another and prints p50, p99
 * and max, optionally while another client streams 1,000-row inserts into the same collection
 * (each followed by a delete of the batch before, so the collection keeps its size).
 */
public class ServiceBench {

    private static final int BATCH = 1000;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String url = args[1];
        String token = args[2];
        String collection = args[3];
        int count = Integer.parseInt(args[4]);
        int dim = args.length > 5 ? Integer.parseInt(args[5]) : 128;
        switch (mode) {
            case "load" -> load(url, token, collection, count, dim, args.length > 6 ? Integer.parseInt(args[6]) : 4,
                    args.length > 7 ? args[7] : "AUTOINDEX");
            case "churn" -> churn(url, token, collection, count, dim);
            case "latency" -> latency(url, token, collection, count, dim, args.length > 6 && args[6].equals("inserting"));
            case "throughput" -> throughput(url, token, collection, count, dim, Integer.parseInt(args[6]));
            case "export" -> export(Path.of(args[6]), count, dim);
            case "check" -> check(url, token, collection, count, dim, Path.of(args[6]));
            default -> throw new IllegalArgumentException("mode load or latency");
        }
    }

    static void load(String url, String token, String collection, int rows, int dim, int concurrency, String indexType)
            throws Exception {
        post(url, token, "/v1/vector/collections/create",
                "{\"collectionName\":\"" + collection + "\",\"dimension\":" + dim + ",\"indexType\":\"" + indexType + "\"}");
        Data data = new Data(dim);
        int batches = (rows + BATCH - 1) / BATCH;
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                for (long b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    String body = data.insertBody(collection, b * BATCH, BATCH);
                    String answer = post(url, token, "/v1/vector/insert", body);
                    if (!answer.startsWith("{\"code\":200")) {
                        throw new IllegalStateException(answer.substring(0, Math.min(300, answer.length())));
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("loaded %d rows of dim %d into %s in %.1f s: %.0f rows/s at concurrency %d%n",
                (long) batches * BATCH, dim, collection, seconds, batches * (double) BATCH / seconds, concurrency);
    }

    static void churn(String url, String token, String collection, int inserts, int dim) throws Exception {
        post(url, token, "/v1/vector/collections/create",
                "{\"collectionName\":\"" + collection + "\",\"dimension\":" + dim + "}");
        Data data = new Data(dim);
        int batch = 100;
        AtomicLong next = new AtomicLong();
        AtomicLong deleted = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> clients = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < 8; c++) {
            clients.add(pool.submit(() -> {
                for (long b = next.getAndIncrement(); b * batch < inserts; b = next.getAndIncrement()) {
                    String answer = post(url, token, "/v1/vector/insert", data.insertBody(collection, b * batch, batch));
                    String[] ids = answer.substring(answer.indexOf("\"insertIds\":[") + 13, answer.lastIndexOf(']'))
                            .split(",");
                    StringBuilder doomed = new StringBuilder();
                    for (int i = 0; i < ids.length; i++) {
                        if (i % 24 != 0) {
                            doomed.append(doomed.length() == 0 ? "" : ",").append(ids[i]);
                            deleted.incrementAndGet();
                        }
                    }
                    post(url, token, "/v1/vector/delete", "{\"collectionName\":\"" + collection + "\",\"id\":["
                            + doomed + "]}");
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        System.out.printf("churn: %d inserts and %d deletes from 8 clients in %.1f s, %d rows live%n", inserts,
                deleted.get(), (System.nanoTime() - started) / 1e9, inserts - deleted.get());
    }

    static void latency(String url, String token, String collection, int queries, int dim, boolean inserting)
            throws Exception {
        Data data = new Data(dim);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong inserted = new AtomicLong();
        // Each 1,000-row insert is followed by a delete of the previous batch, so the collection
        // stays at its loaded size and the searches alone and during the stream scan as many rows.
        Thread writer = new Thread(() -> {
            long row = 50_000_000L;
            String previous = null;
            while (!stop.get()) {
                try {
                    String answer = post(url, token, "/v1/vector/insert", data.insertBody(collection, row, BATCH));
                    String ids = answer.substring(answer.indexOf("\"insertIds\":") + 12, answer.lastIndexOf(']') + 1);
                    if (previous != null) {
                        post(url, token, "/v1/vector/delete", "{\"collectionName\":\"" + collection + "\",\"id\":"
                                + previous + "}");
                    }
                    previous = ids;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                row += BATCH;
                inserted.addAndGet(BATCH);
            }
        });
        for (int i = 0; i < 200; i++) { // warm-up
            post(url, token, "/v1/vector/search", data.searchBody(collection, i));
        }
        if (inserting) {
            writer.start();
            Thread.sleep(500);
        }
        long[] micros = new long[queries];
        long started = System.nanoTime();
        for (int q = 0; q < queries; q++) {
            long t0 = System.nanoTime();
            String answer = post(url, token, "/v1/vector/search", data.searchBody(collection, 1000 + q));
            micros[q] = (System.nanoTime() - t0) / 1000;
            if (!answer.startsWith("{\"code\":200")) {
                throw new IllegalStateException(answer);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        stop.set(true);
        if (inserting) {
            writer.join();
        }
        Arrays.sort(micros);
        System.out.printf("search k=10 %s: p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d queries (%.0f q/s)%s%n",
                inserting ? "while inserting" : "alone", micros[queries / 2] / 1000.0,
                micros[(int) (queries * 0.99)] / 1000.0, micros[queries - 1] / 1000.0, queries, queries / seconds,
                inserting ? String.format(", %d rows inserted meanwhile (%.0f rows/s)", inserted.get(),
                        inserted.get() / seconds) : "");
    }

    /**
     * Searches (k = 10) from {@code clients} threads for {@code seconds}, each query a fresh one
     * of the seeded query set, and prints queries/s with p50 and p99.
     */
    static void throughput(String url, String token, String collection, int seconds, int dim, int clients)
            throws Exception {
        Data data = new Data(dim);
        for (int i = 0; i < 100; i++) { // warm-up
            post(url, token, "/v1/vector/search", data.searchBody(collection, i));
        }
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong next = new AtomicLong();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                List<Long> mine = new ArrayList<>();
                try {
                    while (System.nanoTime() < deadline) {
                        String body = data.searchBody(collection, next.getAndIncrement() % QUERIES);
                        long t0 = System.nanoTime();
                        String answer = post(url, token, "/v1/vector/search", body);
                        mine.add((System.nanoTime() - t0) / 1000);
                        if (!answer.startsWith("{\"code\":200")) {
                            throw new IllegalStateException(answer);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                micros.addAll(mine);
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("search k=10 c=%d: %.0f q/s, p50 %.2f ms, p99 %.2f ms (%d queries in %.1f s)%n", clients,
                sorted.length / elapsed, sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.99)] / 1000.0,
                sorted.length, elapsed);
    }

    /** The query set {@link #throughput} draws from, so a native peer can run exactly these queries. */
    static final int QUERIES = 1000;

    /**
     * Writes the first {@code rows} rows as {@code load} inserts them and the {@link #QUERIES}
     * queries, as little-endian float32 ({@code base.f32}, {@code queries.f32}), for a native peer.
     */
    static void export(Path dir, int rows, int dim) throws Exception {
        Data data = new Data(dim);
        Files.createDirectories(dir);
        write(dir.resolve("base.f32"), rows, dim, data, 0);
        write(dir.resolve("queries.f32"), QUERIES, dim, data, 90_000_000L);
    }

    /**
     * Asks Quiver the first {@code queries} queries and checks each hit's distance against the
     * native scan's (truth.f32, in {@code dir}): an exact search must find neighbours as near.
     */
    static void check(String url, String token, String collection, int queries, int dim, Path dir) throws Exception {
        Data data = new Data(dim);
        ByteBuffer truth = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("truth.f32"))).order(ByteOrder.LITTLE_ENDIAN);
        java.util.regex.Pattern distance = java.util.regex.Pattern.compile("\"distance\":([-0-9.eE+]+)");
        double worst = 0;
        for (int q = 0; q < queries; q++) {
            java.util.regex.Matcher hits = distance.matcher(post(url, token, "/v1/vector/search", data.searchBody(collection, q)));
            for (int i = 0; i < 10; i++) {
                if (!hits.find()) {
                    throw new IllegalStateException("query " + q + ": fewer than 10 hits");
                }
                double expected = truth.getFloat((q * 10 + i) * 4);
                worst = Math.max(worst, Math.abs(Double.parseDouble(hits.group(1)) - expected) / Math.max(1, expected));
            }
        }
        if (worst > 1e-4) {
            throw new IllegalStateException("distances differ from the native scan's by up to " + worst);
        }
        System.out.printf("checked %d queries: every hit as near as the native scan's (largest relative difference %.1e)%n",
                queries, worst);
    }

    private static void write(Path file, int rows, int dim, Data data, long first) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(rows * dim * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < rows; r++) {
            for (float x : data.floats(first + r)) {
                buffer.putFloat(x);
            }
        }
        Files.write(file, buffer.array());
    }

    static String post(String url, String token, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Seeded clustered vectors: row r belongs to cluster r % 1000; the centres are fixed by the seed. */
    static final class Data {
        private final int dim;
        private final float[][] centres = new float[1000][];

        Data(int dim) {
            this.dim = dim;
            SplittableRandom random = new SplittableRandom(42);
            for (int c = 0; c < centres.length; c++) {
                centres[c] = new float[dim];
                for (int i = 0; i < dim; i++) {
                    centres[c][i] = (float) (random.nextDouble() * 20 - 10);
                }
            }
        }

        float[] floats(long row) {
            SplittableRandom random = new SplittableRandom(row * 0x9E3779B97F4A7C15L);
            float[] centre = centres[(int) (row % centres.length)];
            float[] vector = new float[dim];
            for (int i = 0; i < dim; i++) {
                vector[i] = centre[i] + (float) gaussian(random);
            }
            return vector;
        }

        void vector(StringBuilder out, long row) {
            float[] vector = floats(row);
            out.append('[');
            for (int i = 0; i < dim; i++) {
                out.append(i == 0 ? "" : ",").append(vector[i]);
            }
            out.append(']');
        }

        String insertBody(String collection, long first, int rows) {
            StringBuilder body = new StringBuilder(rows * dim * 10).append("{\"collectionName\":\"")
                    .append(collection).append("\",\"data\":[");
            for (int r = 0; r < rows; r++) {
                body.append(r == 0 ? "{\"vector\":" : ",{\"vector\":");
                vector(body, first + r);
                body.append('}');
            }
            return body.append("]}").toString();
        }

        String searchBody(String collection, long query) {
            StringBuilder body = new StringBuilder("{\"collectionName\":\"").append(collection)
                    .append("\",\"limit\":10,\"vector\":");
            vector(body, 90_000_000L + query);
            return body.append('}').toString();
        }

        private static double gaussian(SplittableRandom random) {
            double u = random.nextDouble();
            double v = random.nextDouble();
            return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
        }
    }
}
