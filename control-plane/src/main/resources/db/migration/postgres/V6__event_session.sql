-- The routable session id ({alias}.{id}) of session.joined / session.left events; NULL for the others.
ALTER TABLE events ADD COLUMN session TEXT;
