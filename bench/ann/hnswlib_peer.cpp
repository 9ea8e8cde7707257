// Native ANN reference: hnswlib (header-only, Debian package libhnswlib-dev) on the data written by gen.
//
//   hnswlib_peer DATADIR M EFC "EF1,EF2,..." "T1,T2,..." [filter]
//
// Builds one HNSW index (L2, 2 build threads), then for every ef and thread count runs all queries
// (k=10) split across the threads, repeating passes until the measurement lasts >= 3 s, and prints
// one JSON object per line to stdout: recall@10 against truth.i32, queries/s (wall), and per-query
// latency p50/p99 in microseconds (as seen by each thread at that thread count).
//
// With "filter": also searches restricted to tag < 10 and tag == 0 (recall against truth_f10.i32 /
// truth_f1.i32). If the installed hnswlib has BaseFilterFunctor (hnswlib >= 0.7) the filter is
// applied inside the graph search ("filter_method":"native"); otherwise (e.g. Debian 12's 0.6.2)
// the program falls back to post-filtering the ef nearest candidates ("filter_method":"postfilter"),
// which is what an index without filter support can do.
//
// Build: g++ -O3 -march=native -pthread -std=c++17 -o hnswlib_peer hnswlib_peer.cpp
#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

// Detect BaseFilterFunctor without naming a member of it: forward-declare it (harmless if the header
// already defined it) and test whether the type is complete.
namespace hnswlib { class BaseFilterFunctor; }
template <class T, class = void> struct is_complete : std::false_type {};
template <class T> struct is_complete<T, std::void_t<decltype(sizeof(T))>> : std::true_type {};

#ifndef HNSWLIB_VERSION_STR
#define HNSWLIB_VERSION_STR "unknown"
#endif

namespace {

using Clock = std::chrono::steady_clock;
constexpr int K = 10;          // recall@10, searches ask for 10 results
constexpr int TRUTH_K = 100;   // columns in the truth files
constexpr double MIN_SECONDS = 3.0;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error("cannot open " + path);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

template <class T>
std::vector<T> read_array(const std::string& path, size_t expect_elems) {
  std::string raw = slurp(path);
  if (raw.size() != expect_elems * sizeof(T))
    throw std::runtime_error(path + ": expected " + std::to_string(expect_elems * sizeof(T)) +
                             " bytes, found " + std::to_string(raw.size()));
  std::vector<T> v(expect_elems);
  std::memcpy(v.data(), raw.data(), raw.size());
  return v;
}

// Tiny extractor for the flat meta.json that gen writes.
std::string json_field(const std::string& js, const std::string& key) {
  std::string pat = "\"" + key + "\":";
  size_t p = js.find(pat);
  if (p == std::string::npos) throw std::runtime_error("meta.json: missing " + key);
  p += pat.size();
  if (js[p] == '"') {
    size_t e = js.find('"', p + 1);
    return js.substr(p + 1, e - p - 1);
  }
  size_t e = js.find_first_of(",}", p);
  return js.substr(p, e - p);
}

std::vector<int> parse_list(const std::string& s) {
  std::vector<int> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (item.empty()) continue;
    int v = std::stoi(item);
    if (v <= 0) throw std::runtime_error("list values must be positive: " + s);
    out.push_back(v);
  }
  if (out.empty()) throw std::runtime_error("empty list: " + s);
  return out;
}

struct Data {
  std::string name;
  size_t n = 0, d = 0, q = 0;
  std::vector<float> base, queries;
  std::vector<int32_t> tag, truth, truth_f10, truth_f1;
};

Data load(const std::string& dir, bool with_filter) {
  Data D;
  std::string meta = slurp(dir + "/meta.json");
  D.name = json_field(meta, "name");
  D.n = std::stoull(json_field(meta, "n"));
  D.d = std::stoull(json_field(meta, "d"));
  D.q = std::stoull(json_field(meta, "q"));
  D.base = read_array<float>(dir + "/base.f32", D.n * D.d);
  D.queries = read_array<float>(dir + "/queries.f32", D.q * D.d);
  D.truth = read_array<int32_t>(dir + "/truth.i32", D.q * TRUTH_K);
  if (with_filter) {
    D.tag = read_array<int32_t>(dir + "/tag.i32", D.n);
    D.truth_f10 = read_array<int32_t>(dir + "/truth_f10.i32", D.q * TRUTH_K);
    D.truth_f1 = read_array<int32_t>(dir + "/truth_f1.i32", D.q * TRUTH_K);
  }
  return D;
}

// Filter kinds: 0 = none, 1 = tag < 10, 2 = tag == 0.
const char* filter_name(int f) { return f == 0 ? "none" : f == 1 ? "tag<10" : "tag=0"; }
inline bool tag_ok(int f, int32_t t) { return f == 0 || (f == 1 ? t < 10 : t == 0); }

// Native filter functor; only instantiated when hnswlib provides BaseFilterFunctor.
template <class Base>
struct TagFilter : Base {
  const int32_t* tag;
  int kind;
  TagFilter(const int32_t* t, int k) : tag(t), kind(k) {}
  bool operator()(hnswlib::labeltype id) override { return tag_ok(kind, tag[id]); }
};

using Index = hnswlib::HierarchicalNSW<float>;
using Result = std::priority_queue<std::pair<float, hnswlib::labeltype>>;

// One query -> up to K labels (order irrelevant for recall); returns how many were found.
template <class FilterBase>
int search_one(const Index& index, const float* qv, int filter, const int32_t* tag, int ef,
               hnswlib::labeltype* out) {
  if (filter == 0) {
    Result r = index.searchKnn(qv, K);
    int n = 0;
    while (!r.empty()) { out[n++] = r.top().second; r.pop(); }
    return n;
  }
  if constexpr (is_complete<FilterBase>::value) {
    TagFilter<FilterBase> f(tag, filter);
    Result r = index.searchKnn(qv, K, &f);
    int n = 0;
    while (!r.empty()) { out[n++] = r.top().second; r.pop(); }
    return n;
  } else {
    // Post-filter: take the max(ef, K) nearest candidates the graph search returns, keep the
    // K nearest that pass the filter.
    Result r = index.searchKnn(qv, std::max(ef, K));
    std::vector<std::pair<float, hnswlib::labeltype>> keep;
    while (!r.empty()) {
      if (tag_ok(filter, tag[r.top().second])) keep.push_back(r.top());
      r.pop();
    }
    std::sort(keep.begin(), keep.end());
    int n = std::min<int>(K, keep.size());
    for (int i = 0; i < n; i++) out[i] = keep[i].second;
    return n;
  }
}

struct Measurement {
  double qps, p50_us, p99_us, recall, mean_rows;
  long queries;
};

double percentile(std::vector<float>& v, double p) {
  if (v.empty()) return 0;
  size_t i = std::min(v.size() - 1, (size_t)(p * (v.size() - 1) + 0.5));
  std::nth_element(v.begin(), v.begin() + i, v.end());
  return v[i];
}

template <class FilterBase>
Measurement measure(const Index& index, const Data& D, int filter, int ef, int threads) {
  const size_t Q = D.q;
  const int32_t* tag = D.tag.empty() ? nullptr : D.tag.data();
  std::vector<hnswlib::labeltype> found(Q * K);
  std::vector<int> found_n(Q, 0);

  // Warm-up, untimed.
  {
    hnswlib::labeltype tmp[K];
    for (size_t i = 0; i < std::min<size_t>(Q, 200); i++)
      search_one<FilterBase>(index, &D.queries[i * D.d], filter, tag, ef, tmp);
  }

  std::vector<std::vector<float>> lat(threads);
  std::vector<long> counts(threads, 0);
  auto t0 = Clock::now();
  auto worker = [&](int t) {
    size_t lo = Q * t / threads, hi = Q * (t + 1) / threads;
    hnswlib::labeltype tmp[K];
    for (int pass = 0;; pass++) {
      for (size_t i = lo; i < hi; i++) {
        auto a = Clock::now();
        int n = search_one<FilterBase>(index, &D.queries[i * D.d], filter, tag, ef,
                                       pass == 0 ? &found[i * K] : tmp);
        lat[t].push_back(std::chrono::duration<float, std::micro>(Clock::now() - a).count());
        if (pass == 0) found_n[i] = n;
      }
      counts[t] += hi - lo;
      if (seconds_since(t0) >= MIN_SECONDS) break;
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; t++) pool.emplace_back(worker, t);
  for (auto& th : pool) th.join();
  double wall = seconds_since(t0);

  Measurement m{};
  m.queries = 0;
  std::vector<float> all;
  for (int t = 0; t < threads; t++) {
    m.queries += counts[t];
    all.insert(all.end(), lat[t].begin(), lat[t].end());
  }
  m.qps = m.queries / wall;
  m.p50_us = percentile(all, 0.50);
  m.p99_us = percentile(all, 0.99);

  const std::vector<int32_t>& truth = filter == 0 ? D.truth : filter == 1 ? D.truth_f10 : D.truth_f1;
  double rsum = 0, rows = 0;
  size_t counted = 0;
  for (size_t i = 0; i < Q; i++) {
    const int32_t* t = &truth[i * TRUTH_K];
    int valid = 0;
    while (valid < K && t[valid] >= 0) valid++;
    rows += found_n[i];
    if (valid == 0) continue;
    int hit = 0;
    for (int a = 0; a < found_n[i]; a++)
      for (int b = 0; b < valid; b++)
        if ((int64_t)found[i * K + a] == t[b]) { hit++; break; }
    rsum += (double)hit / valid;
    counted++;
  }
  m.recall = counted ? rsum / counted : 0;
  m.mean_rows = rows / Q;
  return m;
}

template <class FilterBase>
int run(int argc, char** argv) {
  std::string dir = argv[1];
  int M = std::stoi(argv[2]), efc = std::stoi(argv[3]);
  std::vector<int> efs = parse_list(argv[4]), thread_list = parse_list(argv[5]);
  bool with_filter = argc > 6 && std::string(argv[6]) == "filter";
  if (argc > 6 && !with_filter) throw std::runtime_error(std::string("unknown argument ") + argv[6]);
  const int build_threads = 2;

  Data D = load(dir, with_filter);
  std::cerr << "hnswlib " << HNSWLIB_VERSION_STR << ": " << D.name << " n=" << D.n << " d=" << D.d
            << " q=" << D.q << " M=" << M << " efC=" << efc
            << " filter support: " << (is_complete<FilterBase>::value ? "native" : "postfilter") << "\n";

  hnswlib::L2Space space(D.d);
  Index index(&space, D.n, M, efc, 100);
  auto tb = Clock::now();
  index.addPoint(&D.base[0], 0);
  std::atomic<size_t> next{1};
  auto builder = [&]() {
    const size_t chunk = 256;
    for (;;) {
      size_t lo = next.fetch_add(chunk);
      if (lo >= D.n) break;
      size_t hi = std::min(D.n, lo + chunk);
      for (size_t i = lo; i < hi; i++) index.addPoint(&D.base[i * D.d], i);
    }
  };
  {
    std::vector<std::thread> pool;
    for (int t = 0; t < build_threads; t++) pool.emplace_back(builder);
    for (auto& th : pool) th.join();
  }
  double build_s = seconds_since(tb);
  std::cerr << "build: " << build_s << " s with " << build_threads << " threads\n";

  std::vector<int> filters = {0};
  if (with_filter) { filters.push_back(1); filters.push_back(2); }
  const char* method = is_complete<FilterBase>::value ? "native" : "postfilter";
  for (int filter : filters) {
    for (int ef : efs) {
      index.setEf(ef);  // not thread-safe: set before the search threads start
      for (int threads : thread_list) {
        Measurement m = measure<FilterBase>(index, D, filter, ef, threads);
        std::printf("{\"system\":\"hnswlib\",\"version\":\"%s\",\"dataset\":\"%s\",\"M\":%d,"
                    "\"efConstruction\":%d,\"ef\":%d,\"threads\":%d,\"filter\":\"%s\","
                    "\"filter_method\":\"%s\",\"recall\":%.4f,\"qps\":%.0f,\"p50_us\":%.1f,"
                    "\"p99_us\":%.1f,\"mean_rows\":%.2f,\"queries_timed\":%ld,\"build_s\":%.2f,"
                    "\"build_threads\":%d}\n",
                    HNSWLIB_VERSION_STR, D.name.c_str(), M, efc, ef, threads, filter_name(filter),
                    filter == 0 ? "none" : method, m.recall, m.qps, m.p50_us, m.p99_us, m.mean_rows,
                    m.queries, build_s, build_threads);
        std::fflush(stdout);
      }
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6 || argc > 7) {
    std::fprintf(stderr, "usage: hnswlib_peer DATADIR M EFC \"EF1,EF2,...\" \"T1,T2,...\" [filter]\n");
    return 2;
  }
  try {
    return run<hnswlib::BaseFilterFunctor>(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "hnswlib_peer: %s\n", e.what());
    return 1;
  }
}
