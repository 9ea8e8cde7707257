/*
 * ANN benchmark data generator with exact ground truth.
 *
 *   gen clustered N D Q SEED OUTDIR   synthetic Gaussian clusters
 *   gen fashion OUTDIR                Fashion-MNIST (Debian package dataset-fashion-mnist)
 *
 * Writes into OUTDIR (little-endian, row-major, no headers):
 *   base.f32       N x D float32        base vectors
 *   queries.f32    Q x D float32        query vectors
 *   tag.i32        N int32              filter attribute, tag = (id * 7919) % 100
 *   truth.i32      Q x 100 int32        exact 100 nearest base ids (squared L2 in double,
 *                                       ties broken by smaller id), nearest first
 *   truth_f10.i32  Q x 100 int32        same, restricted to rows with tag < 10
 *   truth_f1.i32   Q x 100 int32        same, restricted to rows with tag == 0
 *                                       (padded with -1 when fewer rows qualify)
 *   meta.json
 *
 * Build: gcc -O3 -march=native -pthread -o gen gen.c -lm
 * Fashion-MNIST is read from $FASHION_MNIST_DIR (default /usr/share/datasets/fashion-mnist),
 * decompressed with `gzip -dc`.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define TOPK 100
#define NCLUSTERS 1000
#define GT_THREADS 2
#define QBLOCK 16      /* queries processed together against one chunk of base rows */
#define CHUNK_BYTES (256 * 1024)

static void die(const char *fmt, const char *arg) {
    fprintf(stderr, "gen: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n");
    exit(1);
}

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) die("out of memory (%s)", "malloc");
    return p;
}

/* ------------------------------------------------------------------ PRNG */

typedef struct { uint64_t s; int have_spare; double spare; } rng_t;

static uint64_t splitmix64(rng_t *r) {
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* uniform in [0,1) with 53 random bits */
static double unif(rng_t *r) { return (splitmix64(r) >> 11) * (1.0 / 9007199254740992.0); }

/* uniform integer in [0,n) without modulo bias */
static uint32_t below(rng_t *r, uint32_t n) {
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do { x = splitmix64(r); } while (x >= limit);
    return (uint32_t)(x % n);
}

/* standard normal, basic Box-Muller transform; the second value is cached */
static double gauss(rng_t *r) {
    if (r->have_spare) { r->have_spare = 0; return r->spare; }
    double u1, u2;
    do { u1 = unif(r); } while (u1 <= 0.0);
    u2 = unif(r);
    double rad = sqrt(-2.0 * log(u1)), th = 2.0 * M_PI * u2;
    r->spare = rad * sin(th);
    r->have_spare = 1;
    return rad * cos(th);
}

/* ------------------------------------------------------------------ output */

static int host_is_little_endian(void) { uint16_t x = 1; return *(uint8_t *)&x == 1; }

static void write_file(const char *dir, const char *name, const void *data, size_t bytes) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f) die("cannot create %s", path);
    if (bytes && fwrite(data, 1, bytes, f) != bytes) die("short write to %s", path);
    if (fclose(f) != 0) die("cannot close %s", path);
    fprintf(stderr, "wrote %s (%zu bytes)\n", path, bytes);
}

/* ------------------------------------------------------------------ ground truth */

typedef struct { double d; int32_t id; } cand_t;

/* a is worse than b: larger distance, or equal distance and larger id */
static inline int worse(double da, int32_t ia, double db, int32_t ib) {
    return da > db || (da == db && ia > ib);
}

/* bounded max-heap of the TOPK best candidates seen so far (root = worst kept) */
typedef struct { cand_t c[TOPK]; int n; } heap_t;

static inline void heap_offer(heap_t *h, double d, int32_t id) {
    if (h->n < TOPK) {
        int i = h->n++;
        while (i > 0) {
            int p = (i - 1) / 2;
            if (!worse(d, id, h->c[p].d, h->c[p].id)) break;
            h->c[i] = h->c[p];
            i = p;
        }
        h->c[i].d = d; h->c[i].id = id;
        return;
    }
    if (!worse(h->c[0].d, h->c[0].id, d, id)) return; /* not better than the worst kept */
    int i = 0;
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        double md = d; int32_t mid = id;
        if (l < TOPK && worse(h->c[l].d, h->c[l].id, md, mid)) { m = l; md = h->c[l].d; mid = h->c[l].id; }
        if (r < TOPK && worse(h->c[r].d, h->c[r].id, md, mid)) { m = r; }
        if (m == i) break;
        h->c[i] = h->c[m];
        i = m;
    }
    h->c[i].d = d; h->c[i].id = id;
}

static int cand_cmp(const void *a, const void *b) {
    const cand_t *x = a, *y = b;
    if (x->d < y->d) return -1;
    if (x->d > y->d) return 1;
    return (x->id > y->id) - (x->id < y->id);
}

static void heap_emit(heap_t *h, int32_t *out) {
    qsort(h->c, h->n, sizeof(cand_t), cand_cmp);
    for (int i = 0; i < TOPK; i++) out[i] = i < h->n ? h->c[i].id : -1;
}

/* squared L2 in double; fixed summation order (8 independent partial sums), so deterministic */
static inline double l2sq(const float *a, const float *b, int d) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int j = 0;
    for (; j + 8 <= d; j += 8) {
        double t0 = (double)a[j] - b[j], t1 = (double)a[j + 1] - b[j + 1];
        double t2 = (double)a[j + 2] - b[j + 2], t3 = (double)a[j + 3] - b[j + 3];
        double t4 = (double)a[j + 4] - b[j + 4], t5 = (double)a[j + 5] - b[j + 5];
        double t6 = (double)a[j + 6] - b[j + 6], t7 = (double)a[j + 7] - b[j + 7];
        s0 += t0 * t0; s1 += t1 * t1; s2 += t2 * t2; s3 += t3 * t3;
        s4 += t4 * t4; s5 += t5 * t5; s6 += t6 * t6; s7 += t7 * t7;
    }
    for (; j < d; j++) { double t = (double)a[j] - b[j]; s0 += t * t; }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
}

typedef struct {
    const float *base, *queries;
    const int32_t *tag;
    int64_t n; int d, q;
    int32_t *truth, *truth_f10, *truth_f1;
    int next_block;                /* shared work counter, guarded by lock */
    pthread_mutex_t lock;
    int done_queries;
} gt_job_t;

static void *gt_worker(void *arg) {
    gt_job_t *J = arg;
    const int d = J->d;
    int64_t chunk = CHUNK_BYTES / ((int64_t)d * 4);
    if (chunk < 64) chunk = 64;
    heap_t *H = xmalloc(sizeof(heap_t) * 3 * QBLOCK);
    for (;;) {
        pthread_mutex_lock(&J->lock);
        int b = J->next_block++;
        pthread_mutex_unlock(&J->lock);
        int q0 = b * QBLOCK;
        if (q0 >= J->q) break;
        int nq = J->q - q0 < QBLOCK ? J->q - q0 : QBLOCK;
        for (int k = 0; k < 3 * nq; k++) H[k].n = 0;
        for (int64_t r0 = 0; r0 < J->n; r0 += chunk) {
            int64_t r1 = r0 + chunk < J->n ? r0 + chunk : J->n;
            for (int k = 0; k < nq; k++) {
                const float *qv = J->queries + (int64_t)(q0 + k) * d;
                heap_t *ha = &H[3 * k], *h10 = &H[3 * k + 1], *h1 = &H[3 * k + 2];
                for (int64_t r = r0; r < r1; r++) {
                    double dist = l2sq(qv, J->base + r * d, d);
                    int32_t id = (int32_t)r, t = J->tag[r];
                    heap_offer(ha, dist, id);
                    if (t < 10) {
                        heap_offer(h10, dist, id);
                        if (t == 0) heap_offer(h1, dist, id);
                    }
                }
            }
        }
        for (int k = 0; k < nq; k++) {
            int64_t o = (int64_t)(q0 + k) * TOPK;
            heap_emit(&H[3 * k], J->truth + o);
            heap_emit(&H[3 * k + 1], J->truth_f10 + o);
            heap_emit(&H[3 * k + 2], J->truth_f1 + o);
        }
        pthread_mutex_lock(&J->lock);
        J->done_queries += nq;
        int done = J->done_queries;
        pthread_mutex_unlock(&J->lock);
        if (done % 100 < QBLOCK || done == J->q) fprintf(stderr, "\rground truth %d/%d", done, J->q);
    }
    free(H);
    return NULL;
}

static void write_all(const char *outdir, const char *name, const float *base, const float *queries,
                      int64_t n, int d, int q, const char *extra_meta) {
    if (n > INT32_MAX) die("too many rows (%s)", "n > 2^31-1");
    int32_t *tag = xmalloc(sizeof(int32_t) * n);
    for (int64_t i = 0; i < n; i++) tag[i] = (int32_t)((i * 7919) % 100);

    gt_job_t J = {0};
    J.base = base; J.queries = queries; J.tag = tag; J.n = n; J.d = d; J.q = q;
    J.truth = xmalloc(sizeof(int32_t) * TOPK * (size_t)q);
    J.truth_f10 = xmalloc(sizeof(int32_t) * TOPK * (size_t)q);
    J.truth_f1 = xmalloc(sizeof(int32_t) * TOPK * (size_t)q);
    pthread_mutex_init(&J.lock, NULL);
    double t0 = now_s();
    pthread_t th[GT_THREADS];
    for (int i = 0; i < GT_THREADS; i++) pthread_create(&th[i], NULL, gt_worker, &J);
    for (int i = 0; i < GT_THREADS; i++) pthread_join(th[i], NULL);
    fprintf(stderr, "\nground truth: %.1f s (%d threads)\n", now_s() - t0, GT_THREADS);

    write_file(outdir, "base.f32", base, sizeof(float) * n * d);
    write_file(outdir, "queries.f32", queries, sizeof(float) * (size_t)q * d);
    write_file(outdir, "tag.i32", tag, sizeof(int32_t) * n);
    write_file(outdir, "truth.i32", J.truth, sizeof(int32_t) * TOPK * (size_t)q);
    write_file(outdir, "truth_f10.i32", J.truth_f10, sizeof(int32_t) * TOPK * (size_t)q);
    write_file(outdir, "truth_f1.i32", J.truth_f1, sizeof(int32_t) * TOPK * (size_t)q);

    int64_t n10 = 0, n1 = 0;
    for (int64_t i = 0; i < n; i++) { n10 += tag[i] < 10; n1 += tag[i] == 0; }
    char meta[2048];
    snprintf(meta, sizeof meta,
             "{\"n\":%lld,\"d\":%d,\"q\":%d,\"name\":\"%s\",\"k\":%d,\"metric\":\"l2\","
             "\"tag_rule\":\"(id*7919)%%100\",\"rows_tag_lt10\":%lld,\"rows_tag_eq0\":%lld%s}\n",
             (long long)n, d, q, name, TOPK, (long long)n10, (long long)n1, extra_meta);
    write_file(outdir, "meta.json", meta, strlen(meta));
    free(tag); free(J.truth); free(J.truth_f10); free(J.truth_f1);
}

/* ------------------------------------------------------------------ datasets */

static void size_label(int64_t n, char *buf, size_t len) {
    if (n % 1000000 == 0) snprintf(buf, len, "%lldm", (long long)(n / 1000000));
    else if (n % 1000 == 0) snprintf(buf, len, "%lldk", (long long)(n / 1000));
    else snprintf(buf, len, "%lld", (long long)n);
}

static int64_t parse_pos(const char *s, const char *what) {
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || v <= 0) die("bad %s", what);
    return v;
}

static void gen_clustered(int64_t n, int d, int q, uint64_t seed, const char *outdir) {
    rng_t r = { .s = seed };
    float *centres = xmalloc(sizeof(float) * NCLUSTERS * d);
    for (int64_t i = 0; i < (int64_t)NCLUSTERS * d; i++) centres[i] = (float)(unif(&r) * 10.0 - 5.0);
    float *base = xmalloc(sizeof(float) * n * d);
    float *queries = xmalloc(sizeof(float) * (size_t)q * d);
    double t0 = now_s();
    for (int64_t i = 0; i < n; i++) {
        const float *c = centres + (int64_t)below(&r, NCLUSTERS) * d;
        for (int j = 0; j < d; j++) base[i * d + j] = (float)(c[j] + gauss(&r));
    }
    for (int64_t i = 0; i < q; i++) {
        const float *c = centres + (int64_t)below(&r, NCLUSTERS) * d;
        for (int j = 0; j < d; j++) queries[i * d + j] = (float)(c[j] + gauss(&r));
    }
    fprintf(stderr, "generated %lld x %d base + %d queries in %.1f s\n", (long long)n, d, q, now_s() - t0);
    char name[64], lbl[32], extra[256];
    size_label(n, lbl, sizeof lbl);
    snprintf(name, sizeof name, "clustered-%s", lbl);
    snprintf(extra, sizeof extra,
             ",\"seed\":%llu,\"clusters\":%d,\"centre_range\":[-5,5],\"sigma\":1",
             (unsigned long long)seed, NCLUSTERS);
    write_all(outdir, name, base, queries, n, d, q, extra);
    free(centres); free(base); free(queries);
}

static uint32_t be32(const unsigned char *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

/* read an IDX3 ubyte image file (gzip-compressed), return rows as float, *rows x *cols */
static float *read_idx_images(const char *path, int64_t max_rows, int64_t *rows, int *cols) {
    struct stat st;
    if (stat(path, &st) != 0) die("missing %s (apt-get install dataset-fashion-mnist)", path);
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "gzip -dc '%s'", path);
    FILE *f = popen(cmd, "r");
    if (!f) die("cannot run gzip on %s", path);
    unsigned char hdr[16];
    if (fread(hdr, 1, 16, f) != 16) die("short header in %s", path);
    if (be32(hdr) != 0x00000803) die("not an IDX3 ubyte file: %s", path);
    int64_t n = be32(hdr + 4);
    int c = (int)(be32(hdr + 8) * be32(hdr + 12));
    if (n > max_rows) n = max_rows;
    unsigned char *buf = xmalloc((size_t)n * c);
    if (fread(buf, 1, (size_t)n * c, f) != (size_t)n * c) die("short data in %s", path);
    pclose(f);
    float *out = xmalloc(sizeof(float) * n * c);
    for (int64_t i = 0; i < n * c; i++) out[i] = (float)buf[i];
    free(buf);
    *rows = n; *cols = c;
    return out;
}

static void gen_fashion(const char *outdir) {
    const char *dir = getenv("FASHION_MNIST_DIR");
    if (!dir || !*dir) dir = "/usr/share/datasets/fashion-mnist";
    char p1[4096], p2[4096];
    snprintf(p1, sizeof p1, "%s/train-images-idx3-ubyte.gz", dir);
    snprintf(p2, sizeof p2, "%s/t10k-images-idx3-ubyte.gz", dir);
    int64_t n, q; int d, dq;
    float *base = read_idx_images(p1, INT32_MAX, &n, &d);
    float *queries = read_idx_images(p2, 1000, &q, &dq);
    if (d != dq) die("train/test dimension mismatch (%s)", dir);
    char name[64], lbl[32];
    size_label(n, lbl, sizeof lbl);
    snprintf(name, sizeof name, "fashion-mnist-%s", lbl);
    write_all(outdir, name, base, queries, n, d, (int)q, ",\"source\":\"dataset-fashion-mnist train/t10k[0:1000]\"");
    free(base); free(queries);
}

int main(int argc, char **argv) {
    if (!host_is_little_endian()) die("%s", "this generator writes host byte order and needs a little-endian host");
    if (argc == 7 && strcmp(argv[1], "clustered") == 0) {
        int64_t n = parse_pos(argv[2], "N");
        int64_t d = parse_pos(argv[3], "D"), q = parse_pos(argv[4], "Q");
        if (d > 65535 || q > INT32_MAX / TOPK) die("%s", "D or Q too large");
        char *end;
        errno = 0;
        unsigned long long seed = strtoull(argv[5], &end, 0);
        if (errno || *end) die("bad %s", "SEED");
        mkdir(argv[6], 0755);
        gen_clustered(n, (int)d, (int)q, seed, argv[6]);
        return 0;
    }
    if (argc == 3 && strcmp(argv[1], "fashion") == 0) {
        mkdir(argv[2], 0755);
        gen_fashion(argv[2]);
        return 0;
    }
    fprintf(stderr, "usage: gen clustered N D Q SEED OUTDIR\n       gen fashion OUTDIR\n");
    return 2;
}
