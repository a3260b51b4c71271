// Light or dark: the person's choice (stored) or else the system's, applied as the
// `dark` class on <html> before the first paint, so the page never flashes.
export const THEME_STORAGE_KEY = "unmask-theme";

export const THEME_SCRIPT = `(function(){
var k=${JSON.stringify(THEME_STORAGE_KEY)},m=matchMedia("(prefers-color-scheme: dark)");
function apply(){var t=null;try{t=localStorage.getItem(k)}catch(e){}var d=(t||(m.matches?"dark":"light"))==="dark";
document.documentElement.classList.toggle("dark",d);document.documentElement.style.colorScheme=d?"dark":"light"}
apply();m.addEventListener("change",apply);window.addEventListener("storage",apply);window.__applyTheme=apply;
})();`;
