export function App() {
  return <main><h1>Dishpatch</h1></main>;
}
