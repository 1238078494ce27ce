-- Several CPIs (the cpi config, BOSH's multi-CPI): every VM, persistent disk, orphaned disk and stemcell remembers
-- the name of the CPI that made it, and later calls about it go there. vms.cpi and stemcells.cpi exist since V1
-- and already hold the Director's own CPI's name; disks made before this migration get '' (the Director's own CPI,
-- the only one there was). A stemcell is kept once per CPI it was created in.

ALTER TABLE persistent_disks ADD COLUMN cpi VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE orphan_disks ADD COLUMN cpi VARCHAR(255) NOT NULL DEFAULT '';

ALTER TABLE stemcells DROP CONSTRAINT stemcells_name_version;
ALTER TABLE stemcells ADD CONSTRAINT stemcells_name_version_cpi UNIQUE (name, version, cpi);
