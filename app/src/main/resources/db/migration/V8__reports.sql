-- Reports (DOMAIN.md §2.5): the texts written in the app for the annual quality report (kvalitetsberättelse)
-- and the tertial report (kvalitetsrapport), stored per year, tertial (0 = the whole year) and organisation
-- subtree (unit_id NULL = the whole organisation); and the board meetings (nämndsammanträden) whose written
-- material must be ready one week before.

CREATE TABLE report_text (
    id              ${id_pk},
    report_year     INTEGER   NOT NULL,
    tertial         INTEGER   NOT NULL DEFAULT 0,
    unit_id         BIGINT REFERENCES unit (id),
    summary         TEXT,
    priorities      TEXT,
    follow_up       TEXT,
    analysis        TEXT,
    external_audits TEXT,
    updated_at      TIMESTAMP NOT NULL
);
CREATE INDEX ix_report_text_period ON report_text (report_year, tertial, unit_id);

CREATE TABLE board_meeting (
    id         ${id_pk},
    meeting_on DATE         NOT NULL,
    title      VARCHAR(200) NOT NULL,
    unit_id    BIGINT REFERENCES unit (id),
    updated_at TIMESTAMP    NOT NULL
);
CREATE INDEX ix_board_meeting_date ON board_meeting (meeting_on);
