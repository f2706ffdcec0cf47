/*
 * The WAI-ARIA tabs pattern over taskpane.html's tablist: one tab in the tab order (roving tabindex), Left/Right move
 * and activate (wrapping), Home/End jump to the ends, each tab shows its aria-controls panel.
 */

export interface Tabs {
  select(tab: HTMLElement, moveFocus: boolean): void;
}

export function setUpTabs(tablist: HTMLElement): Tabs {
  const tabs = Array.from(tablist.querySelectorAll<HTMLElement>('[role="tab"]'));
  const panelOf = (tab: HTMLElement): HTMLElement | null => document.getElementById(tab.getAttribute("aria-controls") ?? "");

  const select = (chosen: HTMLElement, moveFocus: boolean): void => {
    for (const tab of tabs) {
      const selected = tab === chosen;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = panelOf(tab);
      if (panel) panel.hidden = !selected;
    }
    if (moveFocus) chosen.focus();
  };

  tablist.addEventListener("click", (event) => {
    const tab = (event.target as HTMLElement).closest<HTMLElement>('[role="tab"]');
    if (tab && tabs.includes(tab)) select(tab, true);
  });

  tablist.addEventListener("keydown", (event) => {
    const index = tabs.indexOf(event.target as HTMLElement);
    if (index === -1) return;
    const last = tabs.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    const tab = target === undefined ? undefined : tabs[target];
    if (!tab) return;
    event.preventDefault();
    select(tab, true);
  });

  const initial = tabs.find((tab) => tab.getAttribute("aria-selected") === "true") ?? tabs[0];
  if (initial) select(initial, false);
  return { select };
}
