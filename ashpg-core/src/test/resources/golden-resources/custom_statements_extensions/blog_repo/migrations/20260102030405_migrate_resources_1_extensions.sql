-- ashpg:up
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
-- ashpg:down
-- DROP EXTENSION IF EXISTS "uuid-ossp";

-- DROP EXTENSION IF EXISTS "pg_trgm";
