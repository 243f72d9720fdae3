-- Who registered each deviation ("Mina rapporterade avvikelser", decision 0025): the actor of its audit INSERT row,
-- kept on the record so that the register filters and counts it in SQL with an index. Set on every insert from now
-- on (the editor and the importer); filled here from the audit trail for the deviations that already exist.
ALTER TABLE deviation ADD COLUMN registered_by VARCHAR(200);

UPDATE deviation SET registered_by = (
    SELECT a.actor FROM audit_log a
     WHERE a.entity = 'deviation' AND a.entity_id = deviation.id AND a.action = 'INSERT'
     ORDER BY a.id
     LIMIT 1);

CREATE INDEX ix_deviation_registered_by ON deviation (registered_by, registered_on);
