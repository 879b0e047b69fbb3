// A vector one pointer wide: the child lists of the frontend's YAML nodes and of ir::Value.
//
// Every tree node holds two child lists (sequence items and mapping entries) and most nodes are
// scalars that use neither, so a std::vector's three pointers per list were a third of a node. A
// ThinVector keeps its size and capacity in front of its elements, in the same allocation, and is
// a null pointer while it has never held anything: a frontend::Node's two lists take 16 bytes
// instead of 48, and the tree of 4,000 services is a fifth smaller, which keeps more of it in the
// cache for each of the loader's passes over it.
//
// It has the part of std::vector's interface the trees use, with pointers for iterators, so
// std::sort, std::stable_sort and range-for work on it unchanged. Elements must be nothrow-movable.
//
// Example:
//   ThinVector<int> v;          // sizeof(v) == sizeof(void*), no allocation
//   v.push_back(2);
//   v.insert(v.begin(), 1);     // {1, 2}
//   erase_if(v, [](int x) { return x == 2; });  // {1}
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <new>
#include <span>
#include <type_traits>
#include <utility>

namespace stackc::ir {

template <typename T>
class ThinVector {
 public:
  using value_type = T;
  using size_type = size_t;
  using difference_type = ptrdiff_t;
  using reference = T&;
  using const_reference = const T&;
  using pointer = T*;
  using const_pointer = const T*;
  using iterator = T*;
  using const_iterator = const T*;
  using reverse_iterator = std::reverse_iterator<iterator>;
  using const_reverse_iterator = std::reverse_iterator<const_iterator>;

  ThinVector() noexcept = default;
  ThinVector(std::initializer_list<T> init) : ThinVector(init.begin(), init.end()) {}
  template <std::input_iterator It>
  // Delegates to the default constructor, so that the destructor frees what was copied when a
  // copy throws.
  ThinVector(It first, It last) : ThinVector() {
    if constexpr (std::forward_iterator<It>)
      reserve(static_cast<size_t>(std::distance(first, last)));
    for (; first != last; ++first) emplace_back(*first);
  }
  ThinVector(const ThinVector& other) : ThinVector(other.begin(), other.end()) {}
  ThinVector(ThinVector&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
  ThinVector& operator=(const ThinVector& other) {
    if (this != &other) {
      ThinVector copy(other);
      swap(copy);
    }
    return *this;
  }
  ThinVector& operator=(ThinVector&& other) noexcept {
    ThinVector taken(std::move(other));
    swap(taken);
    return *this;
  }
  ~ThinVector() { Release(); }

  void swap(ThinVector& other) noexcept { std::swap(block_, other.block_); }
  friend void swap(ThinVector& a, ThinVector& b) noexcept { a.swap(b); }

  size_t size() const { return block_ ? block_->size : 0; }
  size_t capacity() const { return block_ ? block_->capacity : 0; }
  bool empty() const { return size() == 0; }

  T* data() { return block_ ? Elements(block_) : nullptr; }
  const T* data() const { return block_ ? Elements(block_) : nullptr; }
  iterator begin() { return data(); }
  iterator end() { return data() + size(); }
  const_iterator begin() const { return data(); }
  const_iterator end() const { return data() + size(); }
  const_iterator cbegin() const { return begin(); }
  const_iterator cend() const { return end(); }
  reverse_iterator rbegin() { return reverse_iterator(end()); }
  reverse_iterator rend() { return reverse_iterator(begin()); }
  const_reverse_iterator rbegin() const { return const_reverse_iterator(end()); }
  const_reverse_iterator rend() const { return const_reverse_iterator(begin()); }

  T& operator[](size_t i) { return data()[i]; }
  const T& operator[](size_t i) const { return data()[i]; }
  T& front() { return *begin(); }
  const T& front() const { return *begin(); }
  T& back() { return end()[-1]; }
  const T& back() const { return end()[-1]; }

  operator std::span<T>() { return {data(), size()}; }  // NOLINT(google-explicit-constructor)
  operator std::span<const T>() const {                 // NOLINT(google-explicit-constructor)
    return {data(), size()};
  }

  void reserve(size_t n) {
    if (n > capacity()) Grow(n);
  }

  template <typename... Args>
  T& emplace_back(Args&&... args) {
    const size_t n = size();
    if (n == capacity()) {
      // The new element is made before the old ones move: an argument may refer to one of them.
      Block* grown = Allocate(NextCapacity(n + 1));
      try {
        ::new (Elements(grown) + n) T(std::forward<Args>(args)...);
      } catch (...) {
        ::operator delete(grown);
        throw;
      }
      MoveInto(grown);
    } else {
      ::new (Elements(block_) + n) T(std::forward<Args>(args)...);
    }
    block_->size = static_cast<uint32_t>(n + 1);
    return back();
  }
  void push_back(const T& value) { emplace_back(value); }
  void push_back(T&& value) { emplace_back(std::move(value)); }
  void pop_back() {
    std::destroy_at(&back());
    --block_->size;
  }

  iterator insert(const_iterator pos, T value) {
    const size_t at = static_cast<size_t>(pos - begin());
    emplace_back(std::move(value));
    std::rotate(begin() + at, end() - 1, end());
    return begin() + at;
  }
  template <std::input_iterator It>
  // The range is copied before anything changes (it may lie in this vector, and a copy may throw);
  // the copies then move in, which cannot throw once the room is reserved.
  iterator insert(const_iterator pos, It first, It last) {
    const size_t at = static_cast<size_t>(pos - begin());
    ThinVector copies(first, last);
    reserve(size() + copies.size());
    const size_t old_size = size();
    for (T& x : copies) emplace_back(std::move(x));
    std::rotate(begin() + at, begin() + old_size, end());
    return begin() + at;
  }

  iterator erase(const_iterator pos) { return erase(pos, pos + 1); }
  iterator erase(const_iterator first, const_iterator last) {
    T* from = begin() + (first - begin());
    T* to = begin() + (last - begin());
    if (from == to) return from;
    T* new_end = std::move(to, end(), from);
    std::destroy(new_end, end());
    block_->size = static_cast<uint32_t>(new_end - begin());
    return from;
  }

  void clear() {
    if (!block_) return;
    std::destroy(begin(), end());
    block_->size = 0;
  }

  template <typename Pred>
  friend size_t erase_if(ThinVector& v, Pred pred) {
    T* new_end = std::remove_if(v.begin(), v.end(), pred);
    const size_t removed = static_cast<size_t>(v.end() - new_end);
    v.erase(new_end, v.end());
    return removed;
  }

  friend bool operator==(const ThinVector& a, const ThinVector& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

 private:
  // The size and the capacity, then the elements.
  struct Block {
    uint32_t size;
    uint32_t capacity;
  };
  // Where the elements start (a function, so that T may be incomplete where Node declares its
  // child lists).
  static constexpr size_t Offset() { return std::max(sizeof(Block), alignof(T)); }

  // The element slots. The allocation implicitly creates an array of T there (C++20's implicit
  // object creation), and the elements are constructed in its slots, so plain pointers into it
  // reach them.
  static T* Elements(Block* b) {
    return reinterpret_cast<T*>(reinterpret_cast<std::byte*>(b) + Offset());
  }
  static const T* Elements(const Block* b) {
    return reinterpret_cast<const T*>(reinterpret_cast<const std::byte*>(b) + Offset());
  }

  // Doubling, from one: most lists of a compose tree hold one to three elements.
  size_t NextCapacity(size_t needed) const { return std::max(needed, size_t{2} * capacity()); }

  static Block* Allocate(size_t capacity) {
    static_assert(std::is_nothrow_move_constructible_v<T>);
    static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);
    if (capacity > UINT32_MAX) throw std::bad_alloc();
    void* raw = ::operator new(Offset() + capacity * sizeof(T));
    return ::new (raw) Block{0, static_cast<uint32_t>(capacity)};
  }

  // Moves the elements into `grown` (which keeps its size field to be set by the caller) and
  // frees the old block.
  void MoveInto(Block* grown) {
    if (block_) {
      std::uninitialized_move(begin(), end(), Elements(grown));
      const uint32_t n = block_->size;
      Release();
      grown->size = n;
    }
    block_ = grown;
  }

  void Grow(size_t n) {
    Block* grown = Allocate(n);
    MoveInto(grown);
  }

  void Release() {
    if (!block_) return;
    std::destroy(begin(), end());
    ::operator delete(block_);
    block_ = nullptr;
  }

  Block* block_ = nullptr;
};

}  // namespace stackc::ir
