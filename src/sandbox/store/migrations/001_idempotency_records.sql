-- 001: the tables the sandbox's shared helpers use (store/idempotency.ts), whatever the API.

-- Idempotency-Key records, one per (API key, idempotency key). status NULL: the first request
-- is still running (claimed); otherwise its stored outcome (only 2xx and 404 are kept).
CREATE TABLE idempotency_records (
  key_id text NOT NULL,
  idempotency_key text NOT NULL,
  fingerprint text NOT NULL,
  status integer CHECK (status BETWEEN 100 AND 599),
  body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz,
  PRIMARY KEY (key_id, idempotency_key)
);
CREATE INDEX idempotency_records_created_idx ON idempotency_records (created_at);
