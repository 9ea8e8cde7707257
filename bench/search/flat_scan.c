// The native peer of Quiver's exact search: a brute-force squared-L2 top-10 over the same rows and
// queries (base.f32, queries.f32: little-endian float32, written by ServiceBench export), with
// 1..T threads splitting the rows of each query, as Quiver's FlatSearch does. Built with
// -O3 -march=native -ffast-math so the compiler vectorises the distance loop (AVX2/AVX-512).
// Prints queries/s per thread count and writes the top-10 distances of each query (truth.f32)
// so the benchmark can check Quiver finds neighbours as near.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define K 10

static float *base, *queries;
static long rows, dim, nq;

typedef struct { float d[K]; long id[K]; int n; } top_t;

static void top_offer(top_t *t, float d, long id) {
  if (t->n < K) { t->d[t->n] = d; t->id[t->n++] = id; }
  else {
    int worst = 0;
    for (int i = 1; i < K; i++) if (t->d[i] > t->d[worst]) worst = i;
    if (d >= t->d[worst]) return;
    t->d[worst] = d; t->id[worst] = id;
  }
}

static float l2(const float *a, const float *b) {
  float s = 0;
  for (long i = 0; i < dim; i++) { float x = a[i] - b[i]; s += x * x; }
  return s;
}

typedef struct { const float *q; long from, to; top_t top; } job_t;

static void *scan(void *arg) {
  job_t *j = arg;
  j->top.n = 0;
  float worst = 3.4e38f;
  for (long r = j->from; r < j->to; r++) {
    float d = l2(j->q, base + r * dim);
    if (j->top.n < K || d < worst) {
      top_offer(&j->top, d, r);
      if (j->top.n == K) { worst = j->top.d[0]; for (int i = 1; i < K; i++) if (j->top.d[i] > worst) worst = j->top.d[i]; }
    }
  }
  return NULL;
}

static void search(const float *q, int threads, top_t *out) {
  job_t jobs[64]; pthread_t tids[64];
  for (int t = 0; t < threads; t++) {
    jobs[t].q = q; jobs[t].from = rows * t / threads; jobs[t].to = rows * (t + 1) / threads;
    if (t > 0) pthread_create(&tids[t], NULL, scan, &jobs[t]);
  }
  scan(&jobs[0]);
  out->n = 0;
  for (int t = 0; t < threads; t++) {
    if (t > 0) pthread_join(tids[t], NULL);
    for (int i = 0; i < jobs[t].top.n; i++) top_offer(out, jobs[t].top.d[i], jobs[t].top.id[i]);
  }
}

static float *load(const char *path, long *count) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(1); }
  fseek(f, 0, SEEK_END); long bytes = ftell(f); fseek(f, 0, SEEK_SET);
  float *data = malloc(bytes);
  if (fread(data, 1, bytes, f) != (size_t) bytes) { perror(path); exit(1); }
  fclose(f);
  *count = bytes / 4 / dim;
  return data;
}

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: flat_scan DIR DIM MAX_THREADS\n"); return 2; }
  char path[4096];
  dim = atol(argv[2]);
  int max_threads = atoi(argv[3]);
  snprintf(path, sizeof path, "%s/base.f32", argv[1]); base = load(path, &rows);
  snprintf(path, sizeof path, "%s/queries.f32", argv[1]); queries = load(path, &nq);
  top_t top;
  float *truth = malloc(nq * K * sizeof(float));
  for (int threads = 1; threads <= max_threads; threads++) {
    for (long q = 0; q < 50; q++) search(queries + (q % nq) * dim, threads, &top); // warm-up
    double t0 = now();
    for (long q = 0; q < nq; q++) {
      search(queries + q * dim, threads, &top);
      if (threads == 1) {
        // Sorted by distance, then row, for the truth file.
        for (int a = 0; a < top.n; a++) for (int b = a + 1; b < top.n; b++)
          if (top.d[b] < top.d[a] || (top.d[b] == top.d[a] && top.id[b] < top.id[a])) {
            float d = top.d[a]; top.d[a] = top.d[b]; top.d[b] = d;
            long i = top.id[a]; top.id[a] = top.id[b]; top.id[b] = i;
          }
        for (int i = 0; i < K; i++) truth[q * K + i] = top.d[i];
      }
    }
    double s = now() - t0;
    printf("native exact L2 scan, %ld rows x %ld, %d thread(s): %.0f q/s\n", rows, dim, threads, nq / s);
  }
  snprintf(path, sizeof path, "%s/truth.f32", argv[1]);
  FILE *f = fopen(path, "wb"); fwrite(truth, sizeof(float), nq * K, f); fclose(f);
  return 0;
}
