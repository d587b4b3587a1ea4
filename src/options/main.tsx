import { render } from "preact";
import { localizeDocument, t } from "../shared/i18n.ts";
import { Options } from "./Options.tsx";

localizeDocument(document);
document.title = t("optionsPageTitle");
const app = document.getElementById("app");
if (app) render(<Options />, app);
