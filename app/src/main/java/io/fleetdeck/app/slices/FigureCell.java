package io.fleetdeck.app.slices;

import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import java.util.function.BiConsumer;

/**
 * A table cell whose figure the operator can type over: Enter (or leaving the cell, e.g. with Tab) hands the
 * text to the model, Esc cancels. The cell leaves editing before the model answers, so a refused figure simply
 * shows the old value again, and an accepted one arrives with the model's new row.
 */
final class FigureCell<S> extends TableCell<S, String> {
    private final BiConsumer<S, String> offer;
    private TextField field;
    private boolean committing;

    FigureCell(BiConsumer<S, String> offer) {
        this.offer = offer;
        getStyleClass().add("figure-cell");
    }

    @Override
    public void startEdit() {
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        field = new TextField(getItem());
        field.setPrefColumnCount(6);
        field.setOnAction(e -> {
            // Consumed, so the Enter that committed does not reach the table and open the cell again.
            e.consume();
            commit();
            getTableView().requestFocus();
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                cancelEdit();
                getTableView().requestFocus();
            }
        });
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused && isEditing()) {
                commit();
            }
        });
        setText(null);
        setGraphic(field);
        field.selectAll();
        field.requestFocus();
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        setText(shown(getItem()));
        setGraphic(null);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty) {
            setText(null);
            setGraphic(null);
        } else if (isEditing() && field != null) {
            field.setText(item);
            setText(null);
            setGraphic(field);
        } else {
            setText(shown(item));
            setGraphic(null);
        }
    }

    /** A dash for a figure not set, so the empty cell still reads as one to fill in. */
    private static String shown(String item) {
        return item == null || item.isEmpty() ? "—" : item;
    }

    private void commit() {
        if (committing || field == null) {
            return;
        }
        committing = true;
        try {
            S row = getTableRow() == null ? null : getTableRow().getItem();
            String text = field.getText();
            cancelEdit();
            if (row != null) {
                offer.accept(row, text);
            }
        } finally {
            committing = false;
        }
    }
}
