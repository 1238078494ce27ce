-- Which cloud configs a deployment was deployed with (JSON list of config ids), so GET /deployments can say
-- whether its cloud config is "latest", "outdated" or "none".
ALTER TABLE deployments ADD COLUMN cloud_config_ids TEXT NOT NULL DEFAULT '[]';

CREATE INDEX jobs_fingerprint ON jobs (fingerprint);
CREATE INDEX deployments_release_versions_rv ON deployments_release_versions (release_version_id);
CREATE INDEX deployments_stemcells_stemcell ON deployments_stemcells (stemcell_id);
