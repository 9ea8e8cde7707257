import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
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
 * java ServiceBench.java load    URL TOKEN COLLECTION ROWS [DIM] [CONCURRENCY]
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
            case "load" -> load(url, token, collection, count, dim, args.length > 6 ? Integer.parseInt(args[6]) : 4);
            case "churn" -> churn(url, token, collection, count, dim);
            case "latency" -> latency(url, token, collection, count, dim, args.length > 6 && args[6].equals("inserting"));
            default -> throw new IllegalArgumentException("mode load or latency");
        }
    }

    static void load(String url, String token, String collection, int rows, int dim, int concurrency) throws Exception {
        post(url, token, "/v1/vector/collections/create",
                "{\"collectionName\":\"" + collection + "\",\"dimension\":" + dim + "}");
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

        void vector(StringBuilder out, long row) {
            SplittableRandom random = new SplittableRandom(row * 0x9E3779B97F4A7C15L);
            float[] centre = centres[(int) (row % centres.length)];
            out.append('[');
            for (int i = 0; i < dim; i++) {
                out.append(i == 0 ? "" : ",").append(centre[i] + (float) gaussian(random));
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
