package io.gridside.console;

/**
 * A view model that writes some texts once, when something happens (a window read, a customer chosen), and can
 * write them again: a language switch asks it to, so the screen it feeds reads in the new language throughout.
 */
public interface Retext {

    /** Writes again, in the language now in use, the texts this model wrote from what it holds; on the FX thread. */
    void retext();
}
