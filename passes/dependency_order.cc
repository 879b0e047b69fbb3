// The one file that uses Boost.Graph (ARCHITECTURE.md).
#include "passes/dependency_order.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>

namespace stackc::passes {

namespace {

// Edges point from a service to each of its dependencies.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Vertex = Graph::vertex_descriptor;
using Edge = Graph::edge_descriptor;

// Finds the first back edge (a cycle) and records the depth-first finish order.
class CycleFinder : public boost::default_dfs_visitor {
 public:
  CycleFinder(std::vector<Vertex>* parent, std::vector<Vertex>* finished, std::optional<Edge>* back)
      : parent_(parent), finished_(finished), back_(back) {}

  void tree_edge(Edge e, const Graph& g) const {
    (*parent_)[boost::target(e, g)] = boost::source(e, g);
  }
  void back_edge(Edge e, const Graph&) const {
    if (!*back_) *back_ = e;
  }
  void finish_vertex(Vertex v, const Graph&) const { finished_->push_back(v); }

 private:
  std::vector<Vertex>* parent_;
  std::vector<Vertex>* finished_;
  std::optional<Edge>* back_;
};

}  // namespace

int DependencyOrder::WaveOf(std::string_view service) const {
  for (size_t w = 0; w < waves.size(); ++w) {
    if (std::binary_search(waves[w].begin(), waves[w].end(), service)) return static_cast<int>(w);
  }
  return -1;
}

DependencyOrder ComputeDependencyOrder(const ir::Project& project) {
  DependencyOrder out;
  const std::vector<ir::Service>& services = project.services;  // sorted by name
  const size_t n = services.size();
  std::unordered_map<std::string_view, Vertex> index;
  for (size_t i = 0; i < n; ++i) index.emplace(services[i].name.value, i);

  Graph g(n);
  // The depends_on entry behind each edge, for the cycle's span.
  std::vector<std::vector<ir::Span>> edge_spans(n);
  for (size_t i = 0; i < n; ++i) {
    for (const ir::Dependency& d : services[i].depends_on) {  // sorted by name
      auto it = index.find(d.service);
      if (it != index.end()) {
        boost::add_edge(i, it->second, g);
        edge_spans[i].push_back(d.span);
        continue;
      }
      const bool disabled = project.FindDisabledService(d.service) != nullptr;
      out.problems.push_back(DependencyProblem{
          disabled ? DependencyProblem::Kind::kDisabled : DependencyProblem::Kind::kUndefined,
          services[i].name.value, d.service, d.required, d.span});
    }
  }

  std::sort(out.problems.begin(), out.problems.end(), [](const auto& a, const auto& b) {
    return std::tie(a.service, a.dependency) < std::tie(b.service, b.dependency);
  });

  std::vector<Vertex> parent(n, Graph::null_vertex());
  std::vector<Vertex> finished;
  std::optional<Edge> back;
  std::vector<boost::default_color_type> color(n, boost::white_color);
  auto color_map =
      boost::make_iterator_property_map(color.begin(), boost::get(boost::vertex_index, g));
  CycleFinder finder(&parent, &finished, &back);
  for (Vertex root = 0; root < n && !back; ++root) {
    if (color[root] != boost::white_color) continue;
    // Stop expanding once a cycle is found: the first one met is the one reported.
    boost::depth_first_visit(g, root, finder, color_map,
                             [&](Vertex, const Graph&) { return back.has_value(); });
  }

  if (back) {
    const Vertex from = boost::source(*back, g);
    const Vertex to = boost::target(*back, g);
    std::vector<std::string> path;
    for (Vertex v = from; v != to && v != Graph::null_vertex(); v = parent[v]) {
      path.push_back(services[v].name.value);
    }
    path.push_back(services[to].name.value);
    std::reverse(path.begin(), path.end());
    path.push_back(services[to].name.value);
    out.cycle = std::move(path);
    // The span of the edge from -> to.
    auto [ei, ei_end] = boost::out_edges(from, g);
    for (size_t k = 0; ei != ei_end; ++ei, ++k) {
      if (boost::target(*ei, g) == to) {
        out.cycle_span = edge_spans[from][k];
        break;
      }
    }
    return out;
  }

  // Dependencies finish before their dependents: one pass in finish order gives each service the
  // wave after its latest dependency.
  std::vector<int> wave(n, 0);
  for (Vertex v : finished) {
    auto [ei, ei_end] = boost::out_edges(v, g);
    for (; ei != ei_end; ++ei) wave[v] = std::max(wave[v], wave[boost::target(*ei, g)] + 1);
  }
  for (size_t i = 0; i < n; ++i) {
    const size_t w = static_cast<size_t>(wave[i]);
    if (out.waves.size() <= w) out.waves.resize(w + 1);
    out.waves[w].push_back(services[i].name.value);  // i ascends, so each wave stays sorted
  }
  return out;
}

}  // namespace stackc::passes
