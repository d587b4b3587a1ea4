import { render } from "preact";
import { localizeDocument, t } from "../shared/i18n.ts";
import { Popup } from "./Popup.tsx";

localizeDocument(document);
document.title = t("extName");
const app = document.getElementById("app");
if (app) render(<Popup />, app);
