package se.kvalitetshjulet.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuItem;

/**
 * An action of a view model whose executable state drives the buttons bound to it
 * (a button is disabled exactly when the command cannot run).
 */
public final class Command {
    private final Runnable action;
    private final BooleanBinding executable;

    public Command(Runnable action, ObservableBooleanValue condition) {
        this.action = action;
        this.executable = Bindings.createBooleanBinding(condition::get, condition);
    }

    public static Command always(Runnable action) {
        return new Command(action, new javafx.beans.property.SimpleBooleanProperty(true));
    }

    public BooleanBinding executableProperty() {
        return executable;
    }

    public boolean isExecutable() {
        return executable.get();
    }

    /** Runs the action if it is executable; returns whether it ran. */
    public boolean execute() {
        if (!executable.get()) {
            return false;
        }
        action.run();
        return true;
    }

    public void bind(ButtonBase button) {
        button.disableProperty().bind(executable.not());
        button.setOnAction(e -> execute());
    }

    public void bind(MenuItem item) {
        item.disableProperty().bind(executable.not());
        item.setOnAction(e -> execute());
    }
}
