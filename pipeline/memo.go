package pipeline

import "sync"

// memo is a small in-process cache, oldest out first, bounded by the summed cost of its
// entries. The handoff of prepared images and the opened multi-page originals both use it.
type memo[T any] struct {
	mu    sync.Mutex
	max   int
	cost  func(T) int
	order []string
	items map[string]T
	total int
}

func (m *memo[T]) get(key string) (T, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.items[key]
	return v, ok
}

// put keeps v unless key is there already; older entries leave to make room.
func (m *memo[T]) put(key string, v T) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.items == nil {
		m.items = make(map[string]T)
	}
	if _, ok := m.items[key]; ok {
		return
	}
	c := m.cost(v)
	for len(m.order) > 0 && m.total+c > m.max {
		m.drop(m.order[0])
	}
	m.order = append(m.order, key)
	m.items[key] = v
	m.total += c
}

// take returns and forgets the entry under key.
func (m *memo[T]) take(key string) (T, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.items[key]
	if ok {
		m.drop(key)
	}
	return v, ok
}

func (m *memo[T]) drop(key string) {
	m.total -= m.cost(m.items[key])
	delete(m.items, key)
	for i, k := range m.order {
		if k == key {
			m.order = append(m.order[:i], m.order[i+1:]...)
			break
		}
	}
}
