// GET /: Mijn beeld, what changed for the user's own gemeenten since the last visit
// (src/server/home/my-picture.ts). The last visit is looked up once per session and replaced by
// this session's, so reloading the page does not make everything old.

import type { Context, Hono } from "hono";
import type { Requester } from "../../disclosure/disclosure-gate.ts";
import type { Store } from "../../store/store.ts";
import { buildMyPicture, type MyPictureDeps } from "../home/my-picture.ts";
import { MyPictureView } from "../home/my-picture-view.tsx";
import type { AuthVariables } from "../middleware/authentication/authentication.ts";
import type { Session } from "../middleware/session/session-store.ts";
import { sendPage } from "../pages.tsx";

type Env = { Variables: AuthVariables };

export interface HomeRouteDeps extends Omit<MyPictureDeps, "store"> {
  store: Store;
}

/** Lookups in flight per session, so two first requests at once record one visit. */
const pending = new WeakMap<Session, Promise<Date | null>>();

/** The visit before this session's, recording this session's on its first call. */
export function previousVisit(
  store: Pick<Store, "recordVisit">,
  session: Session,
  now: Date,
): Promise<Date | null> {
  if (session.previousVisit !== undefined) return Promise.resolve(session.previousVisit);
  let p = pending.get(session);
  if (!p) {
    const user = session.userId;
    if (user === null) return Promise.resolve(null);
    p = store.recordVisit(user, now).then((v) => {
      session.previousVisit = v;
      return v;
    });
    pending.set(session, p);
  }
  return p;
}

export function registerHomeRoutes(app: Hono<Env>, deps: HomeRouteDeps): void {
  app.get("/", async (c: Context<Env>) => {
    const session = c.get("session") as Session;
    const requester = c.get("requester") as Requester;
    const picture = await buildMyPicture(deps, {
      requester,
      purpose: session.purpose,
      previousVisit: await previousVisit(deps.store, session, deps.now()),
    });
    return sendPage(c, "Mijn beeld", <MyPictureView p={picture} user={requester.user} />);
  });
}
