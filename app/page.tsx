import { Workspace } from "./components/workspace";

export default function Home() {
  return <Workspace />;
}
