package se.kvalitetshjulet.domain.keyfigure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.privacy.NameDetector;
import se.kvalitetshjulet.domain.privacy.PersonalIdentityDetector;
import se.kvalitetshjulet.domain.privacy.PrivacyCheck;

/**
 * What a follow-up must satisfy before it is saved, with the one privacy check of {@code domain.privacy}. The case
 * reference must be pseudonymous: a personnummer or samordningsnummer, or a name, phone number or address, is refused there (the person must not be identifiable from
 * the aggregate's source rows); in the remark a personnummer is refused and a likely name only warned about.
 */
public final class FollowUpRules {
    public static final int MAX_CASE_REF = 60;
    public static final int MAX_INSATS = 100;
    public static final int MAX_REMARK = 4000;

    private FollowUpRules() {
    }

    public static List<Problem> problems(FollowUp f, LocalDate today) {
        List<Problem> out = new ArrayList<>();
        String ref = f.caseRef() == null ? "" : f.caseRef().strip();
        if (ref.isEmpty()) {
            out.add(new Problem("caseRef", "followUp.validation.caseRefMissing"));
        } else if (ref.length() > MAX_CASE_REF) {
            out.add(new Problem("caseRef", "followUp.validation.caseRefTooLong", MAX_CASE_REF));
        } else {
            List<PrivacyCheck.Finding> found = PrivacyCheck.check(ref);
            String digits = ref.replaceAll("[^0-9]", "");
            if (found.stream().anyMatch(x -> x.kind() == PrivacyCheck.Kind.IDENTITY_NUMBER)
                    || digits.length() >= 10 && PersonalIdentityDetector.containsIdentityNumber(digits)) {
                out.add(new Problem("caseRef", "followUp.validation.caseRefIdentity"));
            } else if (!found.isEmpty() || !NameDetector.find(ref).isEmpty()) {
                out.add(new Problem("caseRef", "followUp.validation.caseRefName"));
            }
        }
        if (f.date() == null) {
            out.add(new Problem("date", "followUp.validation.dateMissing"));
        } else if (today != null && f.date().isAfter(today)) {
            out.add(new Problem("date", "followUp.validation.dateFuture"));
        }
        if (f.insats() == null || f.insats().isBlank()) {
            out.add(new Problem("insats", "followUp.validation.insatsMissing"));
        } else if (f.insats().length() > MAX_INSATS) {
            out.add(new Problem("insats", "followUp.validation.insatsTooLong", MAX_INSATS));
        }
        if (f.remark() != null) {
            if (f.remark().length() > MAX_REMARK) {
                out.add(new Problem("remark", "followUp.validation.remarkTooLong", MAX_REMARK));
            }
            if (PrivacyCheck.check(f.remark()).stream().anyMatch(x -> x.kind() == PrivacyCheck.Kind.IDENTITY_NUMBER)) {
                out.add(new Problem("remark", "followUp.validation.remarkIdentity"));
            }
        }
        if (Boolean.TRUE.equals(f.planUpToDate()) && Boolean.FALSE.equals(f.planExists())) {
            out.add(new Problem("planUpToDate", "followUp.validation.planUpToDateWithoutPlan"));
        }
        return out;
    }

    /** Likely names in the remark: a warning the user may accept ("Anna" may be a role description). */
    public static List<String> remarkNameWarnings(String remark) {
        return PrivacyCheck.check(remark == null ? "" : remark).stream()
                .filter(x -> x.kind() != PrivacyCheck.Kind.IDENTITY_NUMBER).map(PrivacyCheck.Finding::text).toList();
    }
}
