package se.kvalitetshjulet.domain.selfcheck;

/**
 * One row of Bilaga 2 as the board writes it (decision 0015): the unit as the board names it, the free result text
 * and the improvement actions in the coordinator's words; blank means the default (the unit's name, the drafted
 * result, the self-check's actions).
 */
public record Bilaga2Texts(String displayName, String resultText, String actionsText) {
    public static final Bilaga2Texts DEFAULTS = new Bilaga2Texts("", "", "");

    public Bilaga2Texts {
        displayName = displayName == null ? "" : displayName;
        resultText = resultText == null ? "" : resultText;
        actionsText = actionsText == null ? "" : actionsText;
    }
}
