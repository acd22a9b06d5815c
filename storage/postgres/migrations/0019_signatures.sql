-- The digital signatures found in an original PDF (scan.Signature: signer, claimed signing
-- time, whether the signed bytes are unchanged, the certificate as this machine trusts it).
ALTER TABLE documents ADD COLUMN signatures jsonb NOT NULL DEFAULT '[]';
