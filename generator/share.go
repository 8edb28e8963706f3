package generator

import (
	"encoding/binary"
	"math"
	"reflect"
)

// Sharing equal values between roles.
//
// A company's roles repeat themselves: 10,000 roles built from a handful
// of templates under a few hundred managers hold a few hundred distinct
// responsibility lists, summaries and compliance records, not 10,000 of
// each. Resolving builds every role's values afresh, and the model lives
// for the whole run, so roles whose values are equal are made to share
// one copy of them: each list, pointer and string of a role is replaced
// by the first equal one seen (most as resolving makes them, see
// shareWhileResolving; the rest when Resolve ends). The model is
// read-only once resolved (renderers never change it), so sharing cannot
// be observed except in memory: when it came (issue #7), a model of
// 10,000 generated roles went from about 22 MB to about 9 MB; the roles'
// own part is now smaller still (docs/performance.md).
//
// Shared slices have no spare capacity, so an append by a careless caller
// copies instead of writing into another role's list.

// sharer finds equal values by their encoding: a value's key is its
// content written out (lengths, strings, numbers, nil or not), so two
// values with the same key and type are equal.
type sharer struct {
	strs  map[string]string
	seen  map[reflect.Type]map[string]reflect.Value
	buf   []byte
	skips map[reflect.Type]bool // types with maps, interfaces, functions or channels
}

func newSharer() *sharer {
	return &sharer{strs: map[string]string{}, seen: map[reflect.Type]map[string]reflect.Value{}, skips: map[reflect.Type]bool{}}
}

// shareWhileResolving shares the values resolving is known to make most
// of as it makes them (compliance records, role texts); tests turn it off to
// measure the model unshared.
var shareWhileResolving = true

// shareRoles makes the roles of m share equal values.
// It goes on with the sharer resolving used (m.share), so what was shared
// then is not copied again.
func shareRoles(m *Model) {
	s := m.share
	if s == nil {
		s = newSharer()
	}
	for i := range m.Roles {
		s.fields(reflect.ValueOf(&m.Roles[i]).Elem())
	}
	m.share = nil
}

// fields shares what every settable field of the struct v holds.
func (s *sharer) fields(v reflect.Value) {
	for i := 0; i < v.NumField(); i++ {
		if f := v.Field(i); f.CanSet() {
			s.value(f)
		}
	}
}

// value replaces what v holds with an equal, shared copy.
func (s *sharer) value(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s.str(v.String()))
	case reflect.Struct:
		s.fields(v)
	case reflect.Slice, reflect.Pointer:
		if v.IsNil() || !s.plain(v.Type()) {
			return
		}
		s.buf = s.key(s.buf[:0], v)
		byKey := s.seen[v.Type()]
		if byKey == nil {
			byKey = map[string]reflect.Value{}
			s.seen[v.Type()] = byKey
		}
		if c, ok := byKey[string(s.buf)]; ok {
			v.Set(c)
			return
		}
		key := string(s.buf)
		// The first of its kind is copied, its own parts shared in turn:
		// what it points to may belong to someone else (a built-in
		// template's list), and only the copy is written to.
		var c reflect.Value
		if v.Kind() == reflect.Slice {
			c = reflect.MakeSlice(v.Type(), v.Len(), v.Len())
			reflect.Copy(c, v)
			for i := 0; i < c.Len(); i++ {
				s.value(c.Index(i))
			}
		} else {
			c = reflect.New(v.Type().Elem())
			c.Elem().Set(v.Elem())
			s.value(c.Elem())
		}
		byKey[key] = c
		v.Set(c)
	}
}

// str is the shared copy of a string.
func (s *sharer) str(x string) string {
	if c, ok := s.strs[x]; ok {
		return c
	}
	s.strs[x] = x
	return x
}

// plain reports whether values of type t are made of strings, numbers,
// booleans, slices, pointers and structs only: what key can write out.
func (s *sharer) plain(t reflect.Type) bool {
	if skip, ok := s.skips[t]; ok {
		return !skip
	}
	s.skips[t] = false // a type that refers to itself is plain so far
	ok := true
	switch t.Kind() {
	case reflect.Bool, reflect.String, reflect.Float32, reflect.Float64,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
	case reflect.Slice, reflect.Pointer, reflect.Array:
		ok = s.plain(t.Elem())
	case reflect.Struct:
		for i := 0; i < t.NumField() && ok; i++ {
			ok = s.plain(t.Field(i).Type)
		}
	default:
		ok = false
	}
	s.skips[t] = !ok
	return ok
}

// key appends the encoding of v's content to b.
func (s *sharer) key(b []byte, v reflect.Value) []byte {
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			return append(b, 1)
		}
		return append(b, 0)
	case reflect.String:
		b = binary.AppendUvarint(b, uint64(v.Len()))
		return append(b, v.String()...)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return binary.AppendVarint(b, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return binary.AppendUvarint(b, v.Uint())
	case reflect.Float32, reflect.Float64:
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(v.Float()))
	case reflect.Pointer:
		if v.IsNil() {
			return append(b, 0)
		}
		return s.key(append(b, 1), v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			return append(b, 0) // nil and empty differ (JSON null against [])
		}
		b = binary.AppendUvarint(b, uint64(v.Len())+1)
		for i := 0; i < v.Len(); i++ {
			b = s.key(b, v.Index(i))
		}
		return b
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			b = s.key(b, v.Index(i))
		}
		return b
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			b = s.key(b, v.Field(i))
		}
		return b
	}
	// plain admits no other kind.
	panic("generator: sharer.key: " + v.Kind().String())
}
