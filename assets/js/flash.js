// flash briefly replaces a button's label to confirm an action. Shared by the
// page scripts; it has no side effects, so bundling it twice is harmless.
export function flash(button, text) {
  const label = button.textContent;
  button.textContent = text;
  setTimeout(() => (button.textContent = label), 1500);
}
