-- 002: the sandboxes listening for each other's writes on a shared PostgreSQL (store/pgChangeFeed.ts).
-- One row per running sandbox: its instance id (the `sandbox.instance` setting of its
-- connections) and the backend pid of its listening connection. A write to a watched table
-- notifies every listed instance but the writer's own; a sandbox alone on its database notifies nobody.
CREATE TABLE sandbox_listeners (
  instance uuid PRIMARY KEY,
  pid integer NOT NULL,
  since timestamptz NOT NULL DEFAULT now()
);
