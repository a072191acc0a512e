/** Being built. */
export default function View() {
  return null;
}
