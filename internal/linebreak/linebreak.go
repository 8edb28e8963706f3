// Package linebreak finds where a line of text may break: at spaces, as
// in Latin, Greek and Cyrillic text, and between the characters of
// Chinese and Japanese text, which has no spaces. It keeps the rules of
// kinsoku shori (UAX #14's classes CL, CP, NS, OP) that matter in job
// descriptions: closing punctuation, small kana and the prolonged sound
// mark never start a line (。、）」ー), opening brackets never end one (（「).
package linebreak

import "unicode/utf8"

// Split calls emit for each unbreakable unit of the paragraph para in
// order: a word, a CJK character with the punctuation that must stay with
// it, or a run of either that may not be broken. space reports whether a
// space preceded the unit (and is dropped when a line breaks there).
// Units without a space before them may still start a new line: CJK text
// breaks between characters. Line breaks ('\n') are not handled here.
func Split(para string, emit func(unit string, space bool)) {
	start := -1 // start of the current unit
	space := false
	prev := rune(-1)
	for i, r := range para {
		if r == ' ' {
			if start >= 0 {
				emit(para[start:i], space)
				start = -1
			}
			space = true
			prev = -1
			continue
		}
		if start >= 0 && breakBetween(prev, r) {
			emit(para[start:i], space)
			start, space = -1, false
		}
		if start < 0 {
			start = i
		}
		prev = r
	}
	if start >= 0 {
		emit(para[start:], space)
	}
}

// breakBetween reports whether a line may break between a and b (neither
// a space).
func breakBetween(a, b rune) bool {
	if !Ideographic(a) && !Ideographic(b) {
		return false
	}
	return !noBreakBefore(b) && !noBreakAfter(a)
}

// Ideographic reports whether r is written without spaces around it and
// a line may break before and after it: CJK ideographs, kana, Hangul
// syllables, CJK punctuation and full-width forms.
func Ideographic(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x2E80 && r <= 0x9FFF: // radicals, CJK symbols, kana, ideographs
		return true
	case r >= 0xAC00 && r <= 0xD7A3: // Hangul syllables
		return true
	case r >= 0xF900 && r <= 0xFAFF: // compatibility ideographs
		return true
	case r >= 0xFE30 && r <= 0xFE4F: // CJK compatibility forms
		return true
	case r >= 0xFF00 && r <= 0xFFEF: // half- and full-width forms
		return true
	}
	return false
}

// noBreakBefore: closing punctuation, small kana, iteration and prolonged
// sound marks, and Latin closing punctuation.
func noBreakBefore(r rune) bool {
	switch r {
	case '、', '。', '，', '．', '・', '：', '；', '？', '！', '）', '」', '』', '】', '〕', '〉', '》', '〙', '〗', '｝', '］', '〟', '｣',
		'ヽ', 'ヾ', 'ゝ', 'ゞ', '々', '〻', 'ー', '〜', '～',
		'ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ', 'っ', 'ゃ', 'ゅ', 'ょ', 'ゎ', 'ゕ', 'ゖ',
		'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ッ', 'ャ', 'ュ', 'ョ', 'ヮ', 'ヵ', 'ヶ',
		')', ']', '}', ',', '.', ':', ';', '!', '?', '”', '’', '%', '…', '‥':
		return true
	}
	return false
}

// noBreakAfter: opening punctuation.
func noBreakAfter(r rune) bool {
	switch r {
	case '（', '「', '『', '【', '〔', '〈', '《', '〘', '〖', '｛', '［', '〝', '｢',
		'(', '[', '{', '“', '‘':
		return true
	}
	return false
}

// Plain reports whether s needs no more than spaces to break: it has no
// ideographic characters. Cheap for ASCII.
func Plain(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if Ideographic(r) {
			return false
		}
		i += n
	}
	return true
}
