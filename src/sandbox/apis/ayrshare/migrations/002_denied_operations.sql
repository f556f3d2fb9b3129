-- 002: what a profile's plan may not call. Ayrshare plans grant endpoints, not OAuth scopes: a
-- profile listing an operationId here is answered 403 (code 103) on that operation. The demo
-- profile lists none; the `api key without scope` provider state creates one that does.
ALTER TABLE ayrshare_profiles ADD COLUMN denied_operations text[] NOT NULL DEFAULT '{}';
