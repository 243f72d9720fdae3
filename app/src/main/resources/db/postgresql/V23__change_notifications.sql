-- h5 (issue 15, decision 0030): others' changes appear without restarting. After every statement that writes a
-- case table, the database sends NOTIFY kvh_change with the table's name as the only payload; each open client
-- LISTENs on its own connection and reloads the screens that show that table.
--
-- Statement-level (one notification per statement, not per row) and no free text, no ids, no unit in the payload:
-- every login in the database receives every notification, so row security must not leak through the channel.
-- What a listener learns is "something in deviation changed", never what or where. PostgreSQL folds identical
-- notifications of one transaction into one, so a save that writes a deviation and three causes sends two.
CREATE FUNCTION kvh_notify_change() RETURNS trigger
    LANGUAGE plpgsql SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    PERFORM pg_notify('kvh_change', TG_TABLE_NAME);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION kvh_notify_change() FROM PUBLIC;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['deviation', 'deviation_cause', 'deviation_link', 'action_item', 'self_check_round',
                             'self_check_response', 'self_check_answer', 'council_meeting', 'council_participant',
                             'council_agenda_item', 'council_reviewed_deviation', 'council_follow_up',
                             'council_ordered_analysis', 'unit'] LOOP
        EXECUTE format('CREATE TRIGGER kvh_change_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                       'FOR EACH STATEMENT EXECUTE FUNCTION kvh_notify_change()', t);
    END LOOP;
END $$;
