package output

import (
	"crypto/sha256"
	"encoding/binary"
	"math/bits"
	"strings"
)

// fileList is the list of the files a DirWriter has written (or is
// writing): for each its name, the SHA-256 of its content and whether the
// last generation left it exactly so (same). It holds what the
// map[string]{sum, same} it replaced held, in 59 bytes a file, names
// included, where the map took 105 plus the name strings' 27
// (BenchmarkFileList, the 40,003 files of 10,000 roles): a run keeps the
// list until its commit, so its size adds to the peak of every big run.
//
//   - Entries are appended to fixed pages of filePage entries, and never
//     move: an entry's number (its index) stays valid until the end, and
//     growing allocates one more page, never copies the others.
//   - Names are records in an arena of nameChunk-byte chunks:
//     a folder byte (0, or 1+ the number of the name's folder in dirs, so
//     that "job-descriptions/" is kept once, not once a file), the length
//     of the rest as a uvarint, and the rest. A name whose record would not
//     fit a chunk, or comes when the arena is full, is kept aside in long.
//   - index finds an entry by name: open addressing with linear probing
//     over a power-of-two []uint32 of entry index+1 (0 empty, slotGone a
//     removed entry), at most three quarters full, keyed by FNV-1a of the
//     name. Collisions are resolved by comparing the names in the arena.
//
// An entry that is removed (a Write that failed gives its name back) is
// marked dead: its slot in pages and its bytes in the arena stay unused,
// which costs little since a failed write usually ends the run.
//
// The zero fileList is empty and ready to use. It is not safe for
// concurrent use (DirWriter guards it with its mutex).
type fileList struct {
	pages []*[filePage]fileEntry // entries, in the order added
	n     int                    // entries added, dead ones included
	live  int                    // entries added and not removed
	names [][]byte               // the arena; each chunk has capacity nameChunk
	dirs  []string               // folders that names are kept without
	dirAt map[string]byte        // folder -> its folder byte (1 + index in dirs)
	long  map[int][]byte         // entry index -> name, for names not in the arena
	index []uint32               // hash table of entry index+1 (see above)
	used  int                    // slots of index not empty (live or slotGone)

	// Test hooks: weak keeps two bits of the hash, so that names collide;
	// maxChunks, when not 0, is how many chunks the arena may have.
	weak      bool
	maxChunks int
}

// fileEntry is one file of the generation being written.
type fileEntry struct {
	sum [sha256.Size]byte
	// ref is where the name is: arena chunk<<16 | offset in the chunk, or
	// refLong or refDead; its top bit (refSame) is the entry's same: the
	// new generation holds the file exactly as the last one left it, so it
	// stays where it is, neither staged nor moved.
	ref uint32
}

const (
	// filePage entries of 36 bytes are 18432 bytes, one of Go's
	// allocation size classes: a page wastes nothing.
	filePage = 512
	// nameChunk is the size of a chunk of the name arena; offsets in it
	// are 16 bits.
	nameChunk = 1 << 16
	// maxRecord is the longest record kept in the arena (so that a chunk
	// ends with at most this much unused); longer names go to long.
	maxRecord = 4 << 10
	// maxDirs folders are kept in dirs (the folder byte is 1..255), each
	// at most maxDirLen bytes; names in other folders are kept whole.
	maxDirs   = 255
	maxDirLen = 1 << 10

	refSame = 1 << 31
	// Chunk 0x7fff is never allocated: refs in it mark entries.
	arenaChunks = 0x7fff
	refLong     = 0x7fff_fffe // the name is in long
	refDead     = 0x7fff_ffff // removed
	slotGone    = ^uint32(0)  // an index slot whose entry was removed
	// maxEntries keeps index+1 below slotGone.
	maxEntries = 1<<32 - 2
)

// len is the number of files listed (added and not removed).
func (l *fileList) len() int { return l.live }

// add lists name and returns its entry's index, with a zero sum, or
// reports (false) that name is listed already.
func (l *fileList) add(name string) (int, bool) {
	if (l.used+1)*4 > len(l.index)*3 {
		l.rehash()
	}
	h := l.hash(fnv(fnvOffset, name))
	mask := len(l.index) - 1
	free := -1
	p := l.slot(h)
	for ; l.index[p] != 0; p = (p + 1) & mask {
		switch s := l.index[p]; {
		case s == slotGone:
			if free < 0 {
				free = p
			}
		case l.nameIs(int(s-1), name):
			return int(s - 1), false
		}
	}
	if free < 0 {
		free = p
		l.used++
	}
	if uint64(l.n) >= maxEntries {
		// 4 billion entries are 150 GB of them; no run gets here.
		panic("output: too many files in one generation")
	}
	i := l.n
	if i%filePage == 0 {
		l.pages = append(l.pages, new([filePage]fileEntry))
	}
	l.n++
	l.entry(i).ref = l.store(i, name)
	l.index[free] = uint32(i + 1)
	l.live++
	return i, true
}

// set records the content of entry i.
func (l *fileList) set(i int, sum [sha256.Size]byte, same bool) {
	e := l.entry(i)
	e.sum = sum
	e.ref &^= refSame
	if same {
		e.ref |= refSame
	}
}

// remove takes entry i off the list; its name may be added again.
func (l *fileList) remove(i int) {
	e := l.entry(i)
	if e.ref&^refSame == refDead {
		return
	}
	mask := len(l.index) - 1
	p := l.slot(l.hashOf(i))
	for l.index[p] != uint32(i+1) {
		if l.index[p] == 0 {
			panic("output: fileList: a listed name is not in the index")
		}
		p = (p + 1) & mask
	}
	l.index[p] = slotGone
	delete(l.long, i)
	*e = fileEntry{ref: refDead}
	l.live--
}

// each calls fn for every file listed, in no particular order. The names
// are substrings of one string (one allocation for all of them); sum
// points into the list and is only valid during the call.
func (l *fileList) each(fn func(name string, sum *[sha256.Size]byte, same bool)) {
	size := 0
	for i := range l.n {
		if dir, base, ok := l.name(i); ok {
			size += nameLen(dir, base)
		}
	}
	var b strings.Builder
	b.Grow(size)
	for i := range l.n {
		if dir, base, ok := l.name(i); ok {
			if dir != "" {
				b.WriteString(dir)
				b.WriteByte('/')
			}
			b.Write(base)
		}
	}
	all, at := b.String(), 0
	for i := range l.n {
		if dir, base, ok := l.name(i); ok {
			n := nameLen(dir, base)
			e := l.entry(i)
			fn(all[at:at+n], &e.sum, e.ref&refSame != 0)
			at += n
		}
	}
}

func (l *fileList) entry(i int) *fileEntry { return &l.pages[i/filePage][i%filePage] }

// store keeps the name of entry i and returns its ref.
func (l *fileList) store(i int, name string) uint32 {
	var dir byte
	base := name
	if k := strings.LastIndexByte(name, '/'); k > 0 && k <= maxDirLen {
		d, ok := l.dirAt[name[:k]]
		if !ok && len(l.dirs) < maxDirs {
			if l.dirAt == nil {
				l.dirAt = map[string]byte{}
			}
			s := strings.Clone(name[:k])
			l.dirs = append(l.dirs, s)
			d, ok = byte(len(l.dirs)), true
			l.dirAt[s] = d
		}
		if ok {
			dir, base = d, name[k+1:]
		}
	}
	size := 1 + binary.MaxVarintLen64 + len(base) // at most
	chunks := arenaChunks
	if l.maxChunks > 0 {
		chunks = l.maxChunks
	}
	last := len(l.names) - 1
	if size > maxRecord || (last < 0 || len(l.names[last])+size > nameChunk) && len(l.names) == chunks {
		if l.long == nil {
			l.long = map[int][]byte{}
		}
		l.long[i] = []byte(name)
		return refLong
	}
	if last < 0 || len(l.names[last])+size > nameChunk {
		l.names = append(l.names, make([]byte, 0, nameChunk))
		last++
	}
	c := l.names[last]
	off := len(c)
	c = append(c, dir)
	c = binary.AppendUvarint(c, uint64(len(base)))
	l.names[last] = append(c, base...)
	return uint32(last)<<16 | uint32(off)
}

// name is entry i's name as its folder (empty when the name is kept
// whole) and the rest; ok is false for a removed entry.
func (l *fileList) name(i int) (dir string, base []byte, ok bool) {
	ref := l.entry(i).ref &^ refSame
	switch ref {
	case refDead:
		return "", nil, false
	case refLong:
		return "", l.long[i], true
	}
	c := l.names[ref>>16][ref&0xffff:]
	n, k := binary.Uvarint(c[1:])
	if c[0] != 0 {
		dir = l.dirs[c[0]-1]
	}
	return dir, c[1+k : 1+k+int(n)], true
}

// nameIs reports whether entry i is listed under name.
func (l *fileList) nameIs(i int, name string) bool {
	dir, base, ok := l.name(i)
	if !ok {
		return false
	}
	if dir == "" {
		return string(base) == name
	}
	return len(name) == nameLen(dir, base) && name[len(dir)] == '/' &&
		name[:len(dir)] == dir && name[len(dir)+1:] == string(base)
}

func nameLen(dir string, base []byte) int {
	if dir == "" {
		return len(base)
	}
	return len(dir) + 1 + len(base)
}

// hashOf is the hash of entry i's name (as add computed it).
func (l *fileList) hashOf(i int) uint64 {
	dir, base, _ := l.name(i)
	h := uint64(fnvOffset)
	if dir != "" {
		h = fnv(h, dir)
		h = fnv(h, "/")
	}
	return l.hash(fnv(h, base))
}

func (l *fileList) hash(h uint64) uint64 {
	if l.weak {
		h &= 3
	}
	return h
}

// slot is where the search for a name of hash h starts: the top bits of
// h times 2^64/φ (Fibonacci hashing spreads FNV's low bits).
func (l *fileList) slot(h uint64) int {
	return int((h * 0x9e3779b97f4a7c15) >> (64 - bits.TrailingZeros(uint(len(l.index)))))
}

// rehash makes a new index, at most half full, without the removed
// entries.
func (l *fileList) rehash() {
	size := 64
	for size < 2*(l.live+1) {
		size *= 2
	}
	l.index = make([]uint32, size)
	l.used = 0
	mask := size - 1
	for i := range l.n {
		if l.entry(i).ref&^refSame == refDead {
			continue
		}
		p := l.slot(l.hashOf(i))
		for l.index[p] != 0 {
			p = (p + 1) & mask
		}
		l.index[p] = uint32(i + 1)
		l.used++
	}
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// fnv continues the 64-bit FNV-1a hash h with s.
func fnv[S string | []byte](h uint64, s S) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}
