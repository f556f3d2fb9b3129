-- 002: leased social accounts. A leased account's billing is released through
-- DELETE /v1/leased-accounts/:id, which this sandbox does not serve; the revoke disconnects a leased
-- account like any other and leaves `leased` as it was (it does not release the lease).
ALTER TABLE layers_social_accounts ADD COLUMN leased boolean NOT NULL DEFAULT false;
