package pdftag

import (
	"bytes"
	"encoding/xml"
	"time"
)

// Meta is what XMP records about a document.
type Meta struct {
	Title       string
	Author      string
	Subject     string
	Keywords    string
	CreatorTool string
	Lang        string
	Date        time.Time
}

// XMP returns an XMP metadata packet with the document's title
// (dc:title, which PDF/UA requires), author, subject, language, dates and
// the PDF/UA identification (pdfuaid:part 1). It is written uncompressed,
// as a metadata stream must be.
func XMP(m Meta) []byte {
	esc := func(s string) string {
		var b bytes.Buffer
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	lang := m.Lang
	if lang == "" {
		lang = "x-default"
	}
	date := m.Date.UTC().Format("2006-01-02T15:04:05Z")
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<pdfuaid:part>1</pdfuaid:part>
`)
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	b.WriteString("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(m.Title) + "</rdf:li></rdf:Alt></dc:title>\n")
	if m.Author != "" {
		b.WriteString("<dc:creator><rdf:Seq><rdf:li>" + esc(m.Author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if m.Subject != "" {
		b.WriteString("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + esc(m.Subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	b.WriteString("<dc:language><rdf:Bag><rdf:li>" + esc(lang) + "</rdf:li></rdf:Bag></dc:language>\n")
	if m.Keywords != "" {
		b.WriteString("<pdf:Keywords>" + esc(m.Keywords) + "</pdf:Keywords>\n")
	}
	if m.CreatorTool != "" {
		b.WriteString("<xmp:CreatorTool>" + esc(m.CreatorTool) + "</xmp:CreatorTool>\n")
	}
	b.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate>\n")
	b.WriteString("<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n")
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return b.Bytes()
}
