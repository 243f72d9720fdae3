-- Default configurable lists (DOMAIN.md §2.3): editable per organisation afterwards.

INSERT INTO business_area (code, name, sort_order) VALUES ('HEMTJANST', 'Hemtjänst', 1);
INSERT INTO business_area (code, name, sort_order) VALUES ('SABO', 'Särskilt boende', 2);
INSERT INTO business_area (code, name, sort_order) VALUES ('LSS', 'Funktionsstöd (LSS)', 3);
INSERT INTO business_area (code, name, sort_order) VALUES ('HSL', 'Hälso- och sjukvård', 4);
INSERT INTO business_area (code, name, sort_order) VALUES ('IFO', 'Individ- och familjeomsorg', 5);

INSERT INTO deviation_category (name) VALUES ('Utebliven insats/besök');
INSERT INTO deviation_category (name) VALUES ('Brister i vård och omsorg');
INSERT INTO deviation_category (name) VALUES ('Larm ej besvarat i tid');
INSERT INTO deviation_category (name) VALUES ('Bemötande');
INSERT INTO deviation_category (name) VALUES ('Nutrition');
INSERT INTO deviation_category (name) VALUES ('Läkemedel – missad dos');
INSERT INTO deviation_category (name) VALUES ('Läkemedel – fel tid');
INSERT INTO deviation_category (name) VALUES ('Läkemedel – fel person');
INSERT INTO deviation_category (name) VALUES ('Trycksår');
INSERT INTO deviation_category (name) VALUES ('Fall');
INSERT INTO deviation_category (name) VALUES ('Informationsöverföring');
INSERT INTO deviation_category (name) VALUES ('Bemanning');
INSERT INTO deviation_category (name) VALUES ('Vårdrelaterad infektion');
INSERT INTO deviation_category (name) VALUES ('Medicinteknisk produkt');
INSERT INTO deviation_category (name) VALUES ('Stöld');
INSERT INTO deviation_category (name) VALUES ('Sekretess/informationssäkerhet');
INSERT INTO deviation_category (name) VALUES ('Dokumentation och handläggning');
INSERT INTO deviation_category (name) VALUES ('Samordning');
INSERT INTO deviation_category (name) VALUES ('Samtycke');
INSERT INTO deviation_category (name) VALUES ('Övergrepp');
INSERT INTO deviation_category (name) VALUES ('Misstanke om självmord');
INSERT INTO deviation_category (name) VALUES ('Annat');

INSERT INTO cause_category (name) VALUES ('Kommunikation');
INSERT INTO cause_category (name) VALUES ('Rutin saknas eller är otydlig');
INSERT INTO cause_category (name) VALUES ('Rutin har inte följts');
INSERT INTO cause_category (name) VALUES ('Kompetens');
INSERT INTO cause_category (name) VALUES ('Teknik och utrustning');
INSERT INTO cause_category (name) VALUES ('Organisation och bemanning');
INSERT INTO cause_category (name) VALUES ('Miljö');
INSERT INTO cause_category (name) VALUES ('Dokumentation');
INSERT INTO cause_category (name) VALUES ('Samordning mellan aktörer');
INSERT INTO cause_category (name) VALUES ('Informationsöverföring');

INSERT INTO measure_type (name) VALUES ('Justerad rutin');
INSERT INTO measure_type (name) VALUES ('Ny rutin');
INSERT INTO measure_type (name) VALUES ('Påminnelse om rutin');
INSERT INTO measure_type (name) VALUES ('Arbetsledning');
INSERT INTO measure_type (name) VALUES ('Utbildning');
INSERT INTO measure_type (name) VALUES ('Resursförstärkning');
INSERT INTO measure_type (name) VALUES ('Förtydligat ansvar');
INSERT INTO measure_type (name) VALUES ('Teknisk åtgärd');

INSERT INTO deadline_rule (kind, days) VALUES ('KLAGOMAL_EXTERN', 28);
INSERT INTO deadline_rule (kind, days) VALUES ('KLAGOMAL_PERSONAL', 28);
INSERT INTO deadline_rule (kind, days) VALUES ('KVALITETSAVVIKELSE', 30);
INSERT INTO deadline_rule (kind, days) VALUES ('LEX_SARAH', 14);
INSERT INTO deadline_rule (kind, days) VALUES ('LEX_MARIA', 14);
INSERT INTO deadline_rule (kind, days) VALUES ('HSL_AVVIKELSE', 30);
