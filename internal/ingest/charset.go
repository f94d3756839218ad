package ingest

import (
	"bytes"
	"mime"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// The cleaner reads bodies as UTF-8. Where the input declares another
// charset (a byte order mark, the HTTP Content-Type, an HTML <meta>), the
// body is decoded here; undeclared invalid UTF-8 is left as it is for the
// cleaner to report with its offset.

// decodeHTML returns an HTML body in UTF-8.
func decodeHTML(body []byte, contentType string) []byte {
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" {
		return bytes.TrimPrefix(body, utf8BOM)
	}
	if !certain && !declaresCharset(body) {
		return body // a guess, not a declaration
	}
	return decodeWith(enc, body)
}

// decodeText returns a plain-text body in UTF-8, decoding UTF-16 with a
// byte order mark and a charset the HTTP Content-Type declares.
func decodeText(body []byte, contentType string) []byte {
	switch {
	case bytes.HasPrefix(body, utf8BOM):
		return body[len(utf8BOM):]
	case bytes.HasPrefix(body, []byte{0xff, 0xfe}), bytes.HasPrefix(body, []byte{0xfe, 0xff}):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.UseBOM), body)
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if cs := params["charset"]; cs != "" {
			if enc, name := charset.Lookup(cs); enc != nil && name != "utf-8" {
				return decodeWith(enc, body)
			}
		}
	}
	return body
}

var utf8BOM = []byte("\xef\xbb\xbf")

// declaresCharset reports whether an HTML head names a charset in a <meta>.
func declaresCharset(body []byte) bool {
	if len(body) > 1024 {
		body = body[:1024]
	}
	return bytes.Contains(bytes.ToLower(body), []byte("charset"))
}

// decodeWith decodes body with enc, keeping the body as it is if decoding
// fails.
func decodeWith(enc encoding.Encoding, body []byte) []byte {
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return body
	}
	return bytes.TrimPrefix(out, utf8BOM)
}

// decodeFeed decodes an XML feed whose HTTP Content-Type declares a
// non-UTF-8 charset that its XML declaration does not (the feed parser
// honours the XML declaration itself).
func decodeFeed(body []byte, contentType string) []byte {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" {
		return body
	}
	enc, name := charset.Lookup(params["charset"])
	if enc == nil || name == "utf-8" {
		return body
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(body, utf8BOM), " \t\r\n")
	if !bytes.HasPrefix(head, []byte("<")) {
		return body // JSON Feed is UTF-8
	}
	if bytes.HasPrefix(head, []byte("<?xml")) {
		end := bytes.Index(head, []byte("?>"))
		if end > 0 && bytes.Contains(head[:end], []byte("encoding")) {
			return body
		}
	}
	return decodeWith(enc, body)
}
