package scan

import (
	"context"
	"regexp"
	"strings"
	"time"
)

// Signature is a digital signature in a PDF, as poppler's pdfsig reads it offline: whether the
// signed bytes are unchanged is checked; the signer's certificate only against what this
// machine trusts (no OCSP, no fetching: workers have no internet).
type Signature struct {
	Signer string `json:"signer"` // the certificate's common name
	// SignedAt is the signing time the signature claims (ISO 8601, as pdfsig prints it).
	SignedAt string `json:"signed_at,omitempty"`
	// Valid: the bytes the signature covers are the file's (pdfsig: "Signature is Valid").
	Valid bool `json:"valid"`
	// Validation is pdfsig's word on the bytes ("Signature is Valid.", "Digest Mismatch.").
	Validation string `json:"validation"`
	// Certificate is pdfsig's word on the signer's certificate ("Certificate issuer isn't
	// Trusted." unless the machine's NSS database holds the issuing CA).
	Certificate string `json:"certificate"`
	// WholeDocument: the signature covers the whole file, nothing was added after it.
	WholeDocument bool `json:"whole_document"`
}

var sigFieldRE = regexp.MustCompile(`^\s*- ([^:]+): (.*)$`)

// Signatures lists the digital signatures of a PDF (none for other files).
func (s *Source) Signatures(ctx context.Context, lim Limits) ([]Signature, error) {
	if s.format != PDF {
		return nil, nil
	}
	var out []byte
	err := withPDF(s.data, s.path, func(path, _ string) error {
		var err error
		// Exit status 2: "does not contain any signatures".
		out, err = popplerExit(ctx, lim, []int{2}, "pdfsig", "-no-ocsp", path)
		return err
	})
	if err != nil {
		return nil, err
	}
	return parseSignatures(string(out)), nil
}

func parseSignatures(out string) []Signature {
	var sigs []Signature
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "Signature #") {
			sigs = append(sigs, Signature{})
			continue
		}
		if len(sigs) == 0 {
			continue
		}
		s := &sigs[len(sigs)-1]
		if strings.TrimSpace(l) == "- Total document signed" {
			s.WholeDocument = true
			continue
		}
		m := sigFieldRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		switch v := strings.TrimSpace(m[2]); m[1] {
		case "Signer Certificate Common Name":
			s.Signer = v
		case "Signing Time":
			if t, err := time.Parse("Jan 02 2006 15:04:05", v); err == nil {
				s.SignedAt = t.Format("2006-01-02T15:04:05")
			} else {
				s.SignedAt = v
			}
		case "Signature Validation":
			s.Validation, s.Valid = v, v == "Signature is Valid."
		case "Certificate Validation":
			s.Certificate = v
		}
	}
	return sigs
}
