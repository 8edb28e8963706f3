package tidytree

import "errors"

// ErrInvalidTree means the input is not a tree the layout can place: a
// node reached twice, a cycle, an index out of range, an unreachable node,
// or a negative or non-finite width or gap.
var ErrInvalidTree = errors.New("not a valid tree")
