package se.kvalitetshjulet.service;

import se.kvalitetshjulet.domain.risk.LinkedDeviation;
import java.util.List;

import se.kvalitetshjulet.data.repo.RiskRepository;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.domain.risk.RiskTemplate;

/** Everything the decision document of one analysis shows (for DOCX/PDF export). */
public record RiskReport(RiskAnalysis analysis, RiskTemplate template, String unitName, String unitPath,
                         List<Measure> measures, List<LinkedDeviation> deviations, String reasonName) {
}
